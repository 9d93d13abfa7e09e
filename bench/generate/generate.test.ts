import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '@shared/domain/calendar/working-days';
import { CASE_STATES } from '@shared/domain/cases/case-workflow';
import { parseCaseNumber } from '@shared/domain/cases/case-number';
import { validateDocument } from '@shared/domain/identity/documents';
import { parseCaseNumber as parseDisputeNumber } from '@shared/domain/mediation/case-number';
import { DISPUTE_STATES } from '@shared/domain/mediation/workflow';
import { DATABASE_FILE } from '../../electron/backend/app/open-runtime';
import { loadCalendar } from '../../electron/backend/calendar/loader';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { nameBigrams } from '../../electron/backend/mediation/list/search-index';
import { residentBigrams } from '../../electron/backend/residents/search-index';
import { openBench, type OpenBench } from '../lib/open-bench';
import { generate, type Manifest } from './generate';

/*
 * A small database from the generator must be one the app accepts as its own: it opens through the
 * real start-up path, the audit chain holds, the schema is the migrations' schema, the rows keep the
 * invariants the services keep, and the search indexes hold what the app's index functions write.
 */

const NOW = Date.parse('2026-11-27T06:00:00.000Z');
let dir: string;
let sqlite: BetterSqlite3.Database;
let manifest: Manifest;
let bench: OpenBench;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-bench-gen-'));
  manifest = await generate({
    dataDir: dir,
    residents: 400,
    cases: 1_500,
    disputes: 80,
    seed: 7,
    nowMs: NOW,
    log: () => {},
  });
  bench = await openBench(dir);
  sqlite = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
}, 300_000);

afterAll(async () => {
  sqlite?.close();
  await bench?.backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function all<T>(query: string, ...params: unknown[]): T[] {
  return sqlite.prepare(query).all(...params) as T[];
}

describe('a generated database', () => {
  it('opens through the backend with an intact audit chain and a sound file', async () => {
    expect(bench.backend.runtime.damaged).toBeNull();
    const audit = await bench.call('audit.verify', {}, bench.tokens.admin);
    expect(audit.ok).toBe(true);
    expect(all<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('has exactly the schema the migrations create', async () => {
    const fresh = openDatabase(join(dir, 'fresh.sqlite'));
    await migrate(
      fresh.db as never,
      migrations,
      () => '2026-11-27T00:00:00.000Z',
      async () => {},
    );
    const schema = (db: BetterSqlite3.Database) =>
      db
        .prepare(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all();
    expect(schema(sqlite)).toEqual(schema(fresh.sqlite));
    await fresh.close();
  });

  it('holds the counts asked for', () => {
    const count = (table: string) => all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;
    expect(count('residents')).toBe(400);
    expect(count('cases')).toBe(1_500);
    expect(count('disputes')).toBe(80);
    expect(count('case_events')).toBe(manifest.counts.events);
    expect(count('case_materials')).toBe(manifest.counts.materials);
  });

  it('issues valid GB 11643 numbers of real dates, whose birth date and gender are stored', () => {
    const residents = all<{
      doc_type: string;
      doc_number: string;
      birth_date: string;
      gender: string;
    }>(
      "SELECT doc_type, doc_number, birth_date, gender FROM residents WHERE doc_type = 'resident_id'",
    );
    expect(residents.length).toBeGreaterThan(350);
    for (const resident of residents) {
      const checked = validateDocument('resident_id', resident.doc_number, '2026-11-27');
      expect(checked.ok, resident.doc_number).toBe(true);
      if (!checked.ok) continue;
      expect(checked.value.birthDate).toBe(resident.birth_date);
      expect(checked.value.gender).toBe(resident.gender);
    }
    expect(residents.filter((r) => r.doc_number.startsWith('330324')).length).toBeGreaterThan(
      residents.length * 0.8,
    );
  });

  it('indexes every resident as indexResident would', () => {
    const residents = all<{ rowid: number; name: string; address: string | null }>(
      'SELECT rowid, name, address FROM residents',
    );
    const stored = new Map<number, string[]>();
    for (const row of all<{ bigram: string; resident_rowid: number }>(
      'SELECT bigram, resident_rowid FROM resident_bigrams',
    )) {
      stored.set(row.resident_rowid, [...(stored.get(row.resident_rowid) ?? []), row.bigram]);
    }
    for (const resident of residents) {
      expect((stored.get(resident.rowid) ?? []).sort()).toEqual(
        residentBigrams(resident.name, resident.address).sort(),
      );
    }
  });

  it('keeps each case as the workflow leaves it: its number, its clock, its timeline', async () => {
    const calendar = await loadCalendar(bench.backend.runtime.db);
    const cases = all<{
      id: string;
      case_no: string;
      state: string;
      accepted_date: string | null;
      due_date: string | null;
      promised_days: number;
      paused_working_days: number;
      paused_since: string | null;
      last_to: string;
    }>(`SELECT c.id, c.case_no, c.state, c.accepted_date, c.due_date, c.promised_days,
        c.paused_working_days, c.paused_since,
        (SELECT to_state FROM case_events e WHERE e.case_id = c.id ORDER BY e.at DESC, e.version DESC LIMIT 1) AS last_to
      FROM cases c`);
    for (const row of cases) {
      expect(parseCaseNumber(row.case_no), row.case_no).not.toBeNull();
      expect(CASE_STATES).toContain(row.state);
      expect(row.last_to, row.case_no).toBe(row.state);
      if (row.accepted_date && row.paused_since === null) {
        expect(row.due_date, row.case_no).toBe(
          addWorkingDays(row.accepted_date, row.promised_days + row.paused_working_days, calendar)
            .value,
        );
      }
    }
  });

  it('numbers and indexes the disputes as registration does', () => {
    const disputes = all<{
      rowid: number;
      case_no: string;
      state: string;
      party_names: string;
      parties: string;
    }>(
      `SELECT d.rowid, d.case_no, d.state, d.party_names,
        (SELECT group_concat(name, '、') FROM (SELECT name FROM dispute_parties p WHERE p.dispute_id = d.id ORDER BY position)) AS parties
       FROM disputes d`,
    );
    const bigrams = new Map<number, string[]>();
    for (const row of all<{ bigram: string; dispute_rowid: number }>(
      'SELECT * FROM dispute_bigrams',
    )) {
      bigrams.set(row.dispute_rowid, [...(bigrams.get(row.dispute_rowid) ?? []), row.bigram]);
    }
    for (const dispute of disputes) {
      expect(parseDisputeNumber(dispute.case_no), dispute.case_no).not.toBeNull();
      expect(DISPUTE_STATES).toContain(dispute.state);
      expect(dispute.party_names).toBe(dispute.parties);
      expect((bigrams.get(dispute.rowid) ?? []).sort()).toEqual(
        nameBigrams(dispute.party_names).sort(),
      );
    }
  });

  it('answers the app: a resident by name, a case by its number, a dispute by a party', async () => {
    const resident = all<{ name: string; id: string }>(
      'SELECT name, id FROM residents WHERE length(name) = 3 LIMIT 1',
    )[0]!;
    const residents = await bench.call(
      'residents.search',
      { query: resident.name, page: 1, pageSize: 50 },
      bench.tokens.clerk,
    );
    expect(residents.rows.map((row) => row.id)).toContain(resident.id);

    const caseRow = all<{ id: string; case_no: string }>(
      'SELECT id, case_no FROM cases LIMIT 1 OFFSET 700',
    )[0]!;
    const cases = await bench.call(
      'cases.list',
      { query: caseRow.case_no, page: 1, pageSize: 20 },
      bench.tokens.clerk,
    );
    expect(cases.rows.map((row) => row.id)).toEqual([caseRow.id]);
    const everything = await bench.call(
      'cases.list',
      { page: 1, pageSize: 20 },
      bench.tokens.clerk,
    );
    expect(everything.total).toBe(1_500);

    const dispute = all<{ id: string; party_names: string }>(
      `SELECT id, party_names FROM disputes LIMIT 1`,
    )[0]!;
    const disputes = await bench.call(
      'mediation.list',
      { query: dispute.party_names.split('、')[0]!, page: 1, pageSize: 50 },
      bench.tokens.supervisor,
    );
    expect(disputes.rows.map((row) => row.id)).toContain(dispute.id);
  });
});
