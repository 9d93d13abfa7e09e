import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord, PullResponse } from '@shared/sync/records-contract';
import { CLERK, residentIdNumber, VILLAGE_AGENT } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { pulledFromOutbox } from '../../testing/pulled-records';
import {
  SETUP_TIMEOUT_MS,
  ensureItem,
  moveClockTo,
  setUpDemoTownship,
  signInAs,
  ALL_RECEIVED,
} from '../../testing/township';
import { pullRecords } from './pull';

/*
 * 城东社区's agent files forty cases and then hands each one to the township: in the hub's feed
 * (order of last change) every case comes after its materials, which were written at intake. The
 * township pulls them in one page from a stand-in hub that serves the village's records in that
 * order. The page is longer than the pull's first slice, so sliced in feed order most materials
 * would wait in sync_pull_held for their case; in small pages, for a case pages on.
 */

const CASES = 40;

/**
 * Serves `records` in pages as the hub does (cursor: the index of the next record); `cutAt`: the
 * request for the page starting there gets its connection cut, as by a network failure.
 */
function startStandInHub(
  records: readonly PulledRecord[],
  cutAt?: number,
): Promise<{ url: string; server: Server; asked: (string | null)[] }> {
  const asked: (string | null)[] = [];
  const server = createServer((request, answer) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const after = url.searchParams.get('after');
    asked.push(after);
    const start = after === null ? 0 : Number(after);
    if (start === cutAt) {
      answer.destroy();
      return;
    }
    const end = Math.min(records.length, start + Number(url.searchParams.get('limit') ?? 500));
    const page: PullResponse = {
      records: records.slice(start, end),
      cursor: String(end),
      more: end < records.length,
      remaining: records.length - end,
    };
    answer.writeHead(200, { 'content-type': 'application/json' });
    answer.end(JSON.stringify(page));
  });
  return new Promise((listening) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      listening({ url: `http://127.0.0.1:${port}`, server, asked });
    });
  });
}

async function pullFrom(
  h: Harness,
  records: readonly PulledRecord[],
  options: { pageSize?: number; cutAt?: number } = {},
) {
  const hub = await startStandInHub(records, options.cutAt);
  try {
    const pulled = await pullRecords(h.backend.runtime, {
      hub: { baseUrl: hub.url, token: 'token', appVersion: '0.1.0' },
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    });
    return { pulled, asked: hub.asked };
  } finally {
    hub.server.closeAllConnections();
    hub.server.close();
  }
}

/** Counts every record ever written to sync_pull_held (in the test's database, not TEMP: the pull
 * changes temp_store, which drops temporary tables). */
function countHeld(h: Harness): () => number {
  const { sqlite } = h.backend.runtime;
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ever_held (record_id TEXT);
    CREATE TRIGGER IF NOT EXISTS ever_held AFTER INSERT ON sync_pull_held
    BEGIN INSERT INTO ever_held VALUES (NEW.record_id); END`);
  return () => sqlite.prepare('SELECT count(*) FROM ever_held').pluck().get() as number;
}

const count = (h: Harness, table: string) =>
  h.backend.runtime.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const storedCursor = (h: Harness) =>
  h.backend.runtime.sqlite.prepare('SELECT pull_cursor FROM sync_state').pluck().get() as
    string | null;

let village: Harness;
let itemId: string;
let records: PulledRecord[];
let caseNos: string[];
const terminals: Harness[] = [];

/** A township window that has pulled nothing yet, with the same catalogue item as the village. */
async function newWindow(): Promise<{ h: Harness; clerk: string }> {
  const h = await createHarness();
  terminals.push(h);
  moveClockTo(h, '2025-09-22T01:00:00.000Z', []);
  const t = await setUpDemoTownship(h);
  const clerk = await signInAs(h, t.admin, CLERK);
  expect(await ensureItem(h, 'ZJ-XZ-0003')).toBe(itemId);
  return { h, clerk };
}

/** Whether the record is on the terminal as pulled, or waits in its sync_pull_held. */
function stored(h: Harness, record: PulledRecord): boolean {
  const { sqlite } = h.backend.runtime;
  const version = sqlite
    .prepare(`SELECT version FROM ${record.table} WHERE id = ?`)
    .pluck()
    .get(record.recordId);
  if (version === record.version) return true;
  return (
    sqlite
      .prepare(
        'SELECT 1 FROM sync_pull_held WHERE table_name = ? AND record_id = ? AND version = ?',
      )
      .get(record.table, record.recordId, record.version) !== undefined
  );
}

describe(
  'pulled children that come before their parents',
  { timeout: 6 * SETUP_TIMEOUT_MS },
  () => {
    beforeAll(async () => {
      village = await createHarness();
      moveClockTo(village, '2025-09-22T01:00:00.000Z', []);
      const v = await setUpDemoTownship(village);
      const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
      itemId = await ensureItem(village, 'ZJ-XZ-0003');
      const resident = await village.ok(
        'residents.create',
        {
          name: '钱老伯',
          docType: 'resident_id',
          docNumber: residentIdNumber(YONGJIA_AREA, '1956-03-08', 51),
          address: '永嘉县东城街道城东路 8 号',
          villageOrgId: v.villageId,
        },
        agent,
      );
      const filed = [];
      for (let i = 0; i < CASES; i += 1) {
        filed.push(
          await village.ok(
            'cases.agencyIntake',
            {
              residentId: resident.id,
              itemId,
              materials: ALL_RECEIVED,
              attorneyDate: '2025-09-21',
              reason: '申请人年老行动不便',
            },
            agent,
          ),
        );
      }
      for (const c of filed) {
        await village.ok('cases.transition', { caseId: c.id, action: 'hand_over' }, agent);
      }
      caseNos = filed.map((c) => c.caseNo);
      records = await pulledFromOutbox(village, 'addressee');
      // The feed's order, as described above: every material before the first case, and more of
      // them than the pull's first slice.
      const firstCase = records.findIndex((record) => record.table === 'cases');
      expect(records.slice(firstCase).some((r) => r.table === 'case_materials')).toBe(false);
      expect(firstCase).toBeGreaterThan(200);
    }, 4 * SETUP_TIMEOUT_MS);
    afterAll(async () => {
      for (const h of [village, ...terminals]) await h?.cleanup();
    });

    it('applies a page’s cases before their materials, holding none of them back', async () => {
      const { h, clerk } = await newWindow();
      const everHeld = countHeld(h);
      const { pulled } = await pullFrom(h, records);
      expect(pulled).toMatchObject({ state: 'done', problem: null });
      expect(everHeld()).toBe(0);
      expect(count(h, 'case_materials')).toBe(CASES * ALL_RECEIVED.length);
      expect(count(h, 'sync_pull_held')).toBe(0);
      const dashboard = await h.ok('cases.dashboard', {}, clerk);
      expect(dashboard.awaitingReceipt.map((row) => row.caseNo).sort()).toEqual(
        [...caseNos].sort(),
      );
    });

    it('keeps materials whose case is a few pages on in memory, not in sync_pull_held', async () => {
      const { h } = await newWindow();
      const everHeld = countHeld(h);
      const { pulled, asked } = await pullFrom(h, records, { pageSize: 100 });
      expect(pulled).toMatchObject({ state: 'done', problem: null });
      expect(asked.length).toBeGreaterThan(3);
      expect(everHeld()).toBe(0);
      expect(records.every((record) => stored(h, record))).toBe(true);
      expect(count(h, 'sync_pull_held')).toBe(0);
      expect(storedCursor(h)).toBe(String(records.length));
    });

    it('never stores a cursor past a record held in memory when the pull is cut', async () => {
      const { h } = await newWindow();
      // A first page of one record, then pages of 10, cut when asking for the page at 301: the
      // cases from 20 on never arrive.
      const cut = await pullFrom(h, records, { pageSize: 10, cutAt: 301 });
      expect(cut.pulled.state).toBe('unreachable');
      const cursor = storedCursor(h);
      // Not the last page's (301): the last materials were waiting in memory for their case.
      expect(cursor).not.toBeNull();
      expect(Number(cursor)).toBeLessThan(301);
      // Every record before the stored cursor is here or in sync_pull_held; those held longer than
      // MAX_PAGES_HELD (8) pages went there.
      expect(records.slice(0, Number(cursor)).every((record) => stored(h, record))).toBe(true);
      expect(count(h, 'sync_pull_held')).toBeGreaterThan(0);

      const again = await pullFrom(h, records, { pageSize: 10 });
      expect(again.pulled).toMatchObject({ state: 'done', problem: null });
      expect(again.asked[0]).toBe(cursor);
      expect(records.every((record) => stored(h, record))).toBe(true);
      expect(count(h, 'sync_pull_held')).toBe(0);
      expect(count(h, 'case_materials')).toBe(CASES * ALL_RECEIVED.length);
    });

    it('keeps a newer version held in memory when an older one from sync_pull_held is applied', async () => {
      const { h } = await newWindow();
      const [firstCase, secondCase] = records.filter((record) => record.table === 'cases');
      const material = records.find(
        (record) =>
          record.table === 'case_materials' && record.columns.case_id === firstCase!.recordId,
      )!;
      // A pull that ended before the first case came left the material in sync_pull_held.
      await pullFrom(h, [material]);
      expect(count(h, 'sync_pull_held')).toBe(1);
      // Since then the hub moved it to the second case; the next pull brings it, then both cases.
      const moved: PulledRecord = {
        ...material,
        version: secondCase!.version,
        columns: {
          ...material.columns,
          case_id: secondCase!.recordId,
          version: secondCase!.version,
        },
      };
      expect(moved.version > material.version).toBe(true);
      const parents = records.filter(
        (record) => record.table !== 'cases' && record.columns.case_id === undefined,
      );
      const feed = [material, ...parents, moved, firstCase!, secondCase!];
      const { pulled } = await pullFrom(h, feed, { pageSize: 1 });
      expect(pulled).toMatchObject({ state: 'done', problem: null });
      expect(stored(h, moved)).toBe(true);
      expect(count(h, 'sync_pull_held')).toBe(0);
    });
  },
);
