import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { pulledFromOutbox } from '../../testing/pulled-records';
import { COMPLETE, counterScene, moveClockTo, SETUP_TIMEOUT_MS } from '../../testing/township';
import { applyPage } from './pull';

/*
 * Two windows of 东城街道: the first registers three residents and takes in a case for each; the
 * second pulls all of it in one slice, and its clerk finds every record as typed there.
 */

const PEOPLE = [
  { name: '郑春梅', serial: 31 },
  { name: '冯建国', serial: 33 },
  { name: '褚秀英', serial: 35 },
];

describe('search entries of a pulled slice', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  let first: Harness;
  let second: Harness;
  let clerk: string;
  let firstClerk: string;
  const clerk2 = () => firstClerk;
  const caseNos: string[] = [];

  beforeAll(async () => {
    first = await createHarness();
    second = await createHarness();
    const there = await counterScene(first);
    firstClerk = there.clerk;
    ({ clerk } = await counterScene(second));
    for (const person of PEOPLE) {
      const resident = await first.ok(
        'residents.create',
        {
          name: person.name,
          docType: 'resident_id',
          docNumber: residentIdNumber(YONGJIA_AREA, '1950-06-01', person.serial),
          address: '永嘉县东城街道城南路 12 号',
        },
        there.clerk,
      );
      const filed = await first.ok(
        'cases.intake',
        { residentId: resident.id, itemId: there.itemId, outcome: 'complete', materials: COMPLETE },
        there.clerk,
      );
      caseNos.push(filed.caseNo);
    }
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it('writes them in one FTS5 segment a table, each record found as typed', async () => {
    const records = await pulledFromOutbox(first);
    await applyPage(second.backend.runtime, { records });

    // FTS5 writes the terms it holds as a segment of their own whenever a statement opens a
    // savepoint, as every insert into residents and cases does: entries written beside their rows
    // made a segment per record (a contentless table's docsize keeps each row's segment origin).
    const origins = (table: 'cases' | 'residents') =>
      second.backend.runtime.sqlite
        .prepare(
          `SELECT count(*) AS entries, count(DISTINCT d.origin) AS segments
           FROM ${table}_fts_docsize d JOIN ${table} t ON t.rowid = d.id`,
        )
        .get();
    expect(origins('cases')).toEqual({ entries: PEOPLE.length, segments: 1 });
    expect(origins('residents')).toEqual({ entries: PEOPLE.length, segments: 1 });

    for (const person of PEOPLE) {
      for (const query of [person.name, person.name.slice(1)]) {
        const found = await second.ok('residents.search', { page: 1, pageSize: 10, query }, clerk);
        expect(
          found.rows.map((row) => row.name),
          query,
        ).toEqual([person.name]);
      }
    }
    for (const caseNo of caseNos) {
      const found = await second.ok(
        'cases.list',
        { page: 1, pageSize: 10, query: caseNo.slice(-6) },
        clerk,
      );
      expect(found.rows.map((row) => row.caseNo)).toEqual([caseNo]);
    }
  });
  it('indexes a pulled record once when its merge fills it from the record here', async () => {
    const person = {
      name: '卫阿婆',
      docType: 'resident_id',
      docNumber: residentIdNumber(YONGJIA_AREA, '1947-08-15', 41),
    } as const;
    const there = await first.ok(
      'residents.create',
      { ...person, address: '城南路 9 号' },
      clerk2(),
    );
    // Registered here an hour later, with her phone: the record pulled is the older, and survives.
    moveClockTo(second, new Date(second.clock.now() + 3_600_000).toISOString(), [clerk]);
    await second.ok('residents.create', { ...person, phone: '13900001111' }, clerk);
    const records = (await pulledFromOutbox(first)).filter((r) => r.recordId === there.id);
    await applyPage(second.backend.runtime, { records });

    for (const query of ['卫阿婆', '13900001111']) {
      const found = await second.ok('residents.search', { page: 1, pageSize: 10, query }, clerk);
      expect([found.total, found.rows.map((row) => row.id)], query).toEqual([1, [there.id]]);
    }
    // Her entry as merged, once: her name, and the phone the merge filled in.
    const entries = (query: string) =>
      second.backend.runtime.sqlite
        .prepare('SELECT rowid FROM residents_fts WHERE residents_fts MATCH ?')
        .pluck()
        .all(`"${query}"`);
    const rowid = second.backend.runtime.sqlite
      .prepare('SELECT rowid FROM residents WHERE id = ?')
      .pluck()
      .get(there.id);
    expect([entries('卫阿婆'), entries('13900001111')]).toEqual([[rowid], [rowid]]);

    // Renamed here, her phone cleared: a second entry of her rowid would outlive the removal.
    await second.ok(
      'residents.update',
      {
        residentId: there.id,
        name: '卫阿妹',
        phone: null,
        address: '城南路 9 号',
        villageOrgId: null,
      },
      clerk,
    );
    for (const query of ['卫阿婆', '13900001111']) {
      const found = await second.ok('residents.search', { page: 1, pageSize: 10, query }, clerk);
      expect([found.total, entries(query)], query).toEqual([0, []]);
    }
    expect(entries('卫阿妹')).toEqual([rowid]);
  });
});
