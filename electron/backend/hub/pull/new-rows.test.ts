import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord } from '@shared/sync/records-contract';
import { CLERK, VILLAGE_AGENT, residentIdNumber } from '@shared/testing/people';
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
import { applyPage } from './pull';

/*
 * A slice's new records are written several to an INSERT (new-rows.ts): 城东社区's agent registers
 * residents and files cases, the township's window pulls them, in pages that mix new records with
 * ones it has, and one whose case number is taken here.
 */

interface Scene {
  village: Harness;
  township: Harness;
  clerk: string;
  agent: string;
  villageId: string;
  itemId: string;
}

let s: Scene;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function register(name: string, born: string, address: string) {
  return await s.village.ok(
    'residents.create',
    {
      name,
      docType: 'resident_id',
      docNumber: residentIdNumber(YONGJIA_AREA, born, 33),
      address,
      villageOrgId: s.villageId,
    },
    s.agent,
  );
}

const latestOf = async (ids: readonly string[]) =>
  (await pulledFromOutbox(s.village, 'addressee')).filter((r) => ids.includes(r.recordId));

async function searched(query: string) {
  const found = await s.township.ok('residents.search', { page: 1, pageSize: 10, query }, s.clerk);
  return found.rows.map((row) => row.name);
}

const cursor = async () =>
  (
    await s.township.backend.runtime.db
      .selectFrom('sync_state')
      .select('pull_cursor')
      .executeTakeFirst()
  )?.pull_cursor;

describe('new records written several to an insert', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    const village = await createHarness();
    const township = await createHarness();
    for (const h of [village, township]) moveClockTo(h, '2025-09-22T01:00:00.000Z', []);
    const v = await setUpDemoTownship(village);
    const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
    const itemId = await ensureItem(village, 'ZJ-XZ-0003');
    const t = await setUpDemoTownship(township);
    const clerk = await signInAs(township, t.admin, CLERK);
    expect(await ensureItem(township, 'ZJ-XZ-0003')).toBe(itemId);
    s = { village, township, clerk, agent, villageId: v.villageId, itemId };
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await s?.village.cleanup();
    await s?.township.cleanup();
  });

  it('finds each new resident by its own words, beside one it has that moved in the same slice', async () => {
    const moving = await register('柯阿满', '1950-04-02', '永嘉县东城街道城东路 21 号');
    await applyPage(s.township.backend.runtime, { records: await latestOf([moving.id]) });
    s.village.clock.advance(60_000);
    await s.village.ok(
      'residents.update',
      {
        residentId: moving.id,
        name: '柯阿满',
        address: '永嘉县东城街道望江路 40 号',
        villageOrgId: s.villageId,
      },
      s.agent,
    );
    const names = ['柏秀英', '卜长庚', '危小梅', '宓国强', '巫德顺'];
    const added = [];
    for (const [i, name] of names.entries())
      added.push(await register(name, `1961-0${i + 1}-1${i}`, `永嘉县东城街道瓯江路 ${i + 1} 号`));
    // Two new ones, the one it has, then the others: the new ones before it are written first.
    const byId = new Map(
      (await latestOf([moving.id, ...added.map((r) => r.id)])).map((r) => [r.recordId, r]),
    );
    const page = [added[0]!.id, added[1]!.id, moving.id, ...added.slice(2).map((r) => r.id)].map(
      (id) => byId.get(id)!,
    );
    const outcome = await applyPage(s.township.backend.runtime, { records: page });
    expect(outcome).toMatchObject({ inserted: 5, updated: 1, unchanged: 0, held: 0 });
    for (const name of names) expect(await searched(name), name).toEqual([name]);
    expect(await searched('瓯江路 3 号')).toEqual(['危小梅']);
    expect(await searched('望江路 40')).toEqual(['柯阿满']);
    expect(await searched('城东路 21')).toEqual([]);
  });

  it('refuses a slice whose new case takes a case number here, writing none of it', async () => {
    const resident = await register('郦金水', '1947-11-30', '永嘉县东城街道城北路 9 号');
    const filed = await s.village.ok(
      'cases.agencyIntake',
      {
        residentId: resident.id,
        itemId: s.itemId,
        materials: ALL_RECEIVED,
        attorneyDate: '2025-09-21',
        reason: '申请人年老行动不便',
      },
      s.agent,
    );
    const rt = s.township.backend.runtime;
    const known = await latestOf([resident.id, filed.id]);
    await applyPage(rt, { records: known, cursor: 'c1' });
    const [theCase] = known.filter((r) => r.table === 'cases');
    // Another case the hub sends under a number this terminal has: a second one, new here, before
    // it a case of its own number and a new resident.
    const copy = (id: string, caseNo: string): PulledRecord => ({
      ...theCase!,
      recordId: id,
      columns: { ...theCase!.columns, id, case_no: caseNo },
    });
    const other = await register('满春生', '1952-06-18', '永嘉县东城街道城北路 10 号');
    const page = [
      ...(await latestOf([other.id])),
      copy('01990000-0000-7000-8000-00000000c001', 'DC-TEST-0001'),
      copy('01990000-0000-7000-8000-00000000c002', filed.caseNo),
    ];
    await expect(applyPage(rt, { records: page, cursor: 'c2' })).rejects.toThrow(/UNIQUE/);
    const stored = await rt.db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('resident_id', '=', resident.id)
      .execute();
    expect(stored).toEqual([{ id: filed.id, case_no: filed.caseNo }]);
    expect(await searched('满春生')).toEqual([]);
    expect(await cursor()).toBe('c1');
  });

  it('applies an event report and its photo in one slice, the photo’s table coming first', async () => {
    const report = await s.village.ok(
      'eventReports.create',
      { category: 'safety_hazard', title: '瓯江路危房', description: '瓯江路 5 号外墙开裂' },
      s.agent,
    );
    await s.village.ok(
      'eventReports.attach',
      {
        eventReportId: report.id,
        fileName: '外墙.png',
        mime: 'image/png',
        base64: PNG.toString('base64'),
      },
      s.agent,
    );
    const records = (await pulledFromOutbox(s.village, 'addressee')).filter(
      (r) => r.recordId === report.id || r.columns.event_report_id === report.id,
    );
    expect(records.map((r) => r.table).sort()).toEqual(['attachments', 'event_reports']);
    const outcome = await applyPage(s.township.backend.runtime, { records });
    expect(outcome).toMatchObject({ inserted: 2, held: 0 });
    const inbox = await s.township.ok('eventReports.list', { box: 'received' }, s.clerk);
    expect(inbox.rows.map((row) => row.title)).toContain('瓯江路危房');
    const photo = await s.township.backend.runtime.db
      .selectFrom('attachments')
      .select('file_name')
      .where('event_report_id', '=', report.id)
      .execute();
    expect(photo).toEqual([{ file_name: '外墙.png' }]);
  });
});
