import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord } from '@shared/sync/records-contract';
import { CLERK, VILLAGE_AGENT, residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { unpushedEntry } from '../../core/pushed-through';
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
 * Two terminals of 东城街道's county: the village's (城东社区's agent files a case for 钱老伯 and hands
 * it over) and the township's window, which pulls what the village pushed. The hub's part is stood
 * in for by the village's outbox (testing/pulled-records.ts), page by page as the hub would hand it.
 */

interface Scene {
  village: Harness;
  township: Harness;
  clerk: string;
  villageAdmin: string;
  villageId: string;
  caseId: string;
  caseNo: string;
  residentId: string;
}

let s: Scene;

/** `retryAll` false: each page tries only the held records its own records release. */
async function pulledInPages(
  h: Harness,
  records: readonly PulledRecord[],
  size: number,
  retryAll = true,
) {
  const outcomes = [];
  for (let i = 0; i < records.length; i += size) {
    outcomes.push(
      await applyPage(
        h.backend.runtime,
        { records: records.slice(i, i + size), cursor: `p${i}` },
        retryAll,
      ),
    );
  }
  return outcomes;
}

const outboxCount = async (h: Harness) =>
  Number(
    (
      await h.backend.runtime.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('applying pulled pages', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    const village = await createHarness();
    const township = await createHarness();
    for (const h of [village, township]) moveClockTo(h, '2025-09-22T01:00:00.000Z', []);
    const v = await setUpDemoTownship(village);
    const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
    const itemId = await ensureItem(village, 'ZJ-XZ-0003');
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
    const filed = await village.ok(
      'cases.agencyIntake',
      {
        residentId: resident.id,
        itemId,
        materials: ALL_RECEIVED,
        attorneyDate: '2025-09-21',
        reason: '申请人年老行动不便',
      },
      agent,
    );
    await village.ok('cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);

    const t = await setUpDemoTownship(township);
    const clerk = await signInAs(township, t.admin, CLERK);
    // The catalogue comes from the county's reference data: the same item ids at every terminal.
    expect(await ensureItem(township, 'ZJ-XZ-0003')).toBe(itemId);
    s = {
      village,
      township,
      clerk,
      villageAdmin: v.admin,
      villageId: v.villageId,
      caseId: filed.id,
      caseNo: filed.caseNo,
      residentId: resident.id,
    };
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await s?.village.cleanup();
    await s?.township.cleanup();
  });

  it('shows a handed-over case in the township’s 待接收, its resident found by the clerk’s search', async () => {
    const records = await pulledFromOutbox(s.village, 'addressee');
    const before = await outboxCount(s.township);
    // Children first and small pages: a material arrives before its case, and waits for it. No
    // page tries every held record: the page that brings the resident releases the case waiting
    // for it, and the case its materials.
    const outcomes = await pulledInPages(s.township, [...records].reverse(), 3, false);
    expect(outcomes.some((outcome) => outcome.held > 0)).toBe(true);
    expect(outcomes.at(-1)!.held).toBe(0);
    const rt = s.township.backend.runtime;
    expect(await rt.db.selectFrom('sync_pull_held').selectAll().execute()).toEqual([]);
    expect(
      (await rt.db.selectFrom('sync_state').select('pull_cursor').executeTakeFirst())?.pull_cursor,
    ).toBe(`p${Math.floor((records.length - 1) / 3) * 3}`);

    const dashboard = await s.township.ok('cases.dashboard', {}, s.clerk);
    expect(dashboard.awaitingReceipt.map((row) => row.caseNo)).toEqual([s.caseNo]);
    for (const query of ['钱老', '钱老伯', 'qlb']) {
      const found = await s.township.ok(
        'residents.search',
        { page: 1, pageSize: 10, query },
        s.clerk,
      );
      expect(
        found.rows.map((row) => row.name),
        query,
      ).toEqual(['钱老伯']);
    }
    const byNumber = await s.township.ok(
      'cases.list',
      { page: 1, pageSize: 10, query: s.caseNo.slice(-6) },
      s.clerk,
    );
    expect(byNumber.rows.map((row) => row.id)).toEqual([s.caseId]);
    // Pulled rows are not changes of this terminal: nothing new to push.
    expect(await outboxCount(s.township)).toBe(before);
    // The pull's pages commit with NORMAL and keep journals in memory; the clerk's writes do not.
    expect(rt.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(rt.sqlite.pragma('temp_store', { simple: true })).toBe(0);
  });

  it('grants the village the same resident access as where the case was filed', async () => {
    const access = async (h: Harness) =>
      await h.backend.runtime.sqlite
        .prepare(
          `SELECT a.unit_id, a.lives, a.filed FROM resident_access a
             JOIN residents r ON r.rowid = a.resident_rowid WHERE r.id = ? ORDER BY a.unit_id`,
        )
        .all(s.residentId);
    expect(await access(s.township)).toEqual(await access(s.village));
    expect(await access(s.township)).toEqual([{ unit_id: s.villageId, lives: 1, filed: 1 }]);
  });

  it('treats a version it already has as nothing new', async () => {
    const records = await pulledFromOutbox(s.village, 'addressee');
    const [again] = await pulledInPages(s.township, records, records.length);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: records.length, held: 0 });
  });

  it('keeps the columns changed here and not pushed yet, and takes the others', async () => {
    const { township, village } = s;
    await township.ok(
      'residents.update',
      {
        residentId: s.residentId,
        name: '钱老伯',
        phone: '13900000001',
        address: '永嘉县东城街道城东路 8 号',
        villageOrgId: s.villageId,
      },
      s.clerk,
    );
    const rt = township.backend.runtime;
    // The change log names the columns a change set (another part of issue 15 writes them).
    await rt.db
      .updateTable('outbox')
      .set({ changed_columns: JSON.stringify(['phone', 'updated_at', 'updated_by', 'version']) })
      .where('record_id', '=', s.residentId)
      .where(sql.raw<boolean>(unpushedEntry('outbox')))
      .execute();
    // Meanwhile the village moved 钱老伯 and the hub has it at a later version.
    village.clock.advance(60_000);
    await village.ok(
      'residents.update',
      {
        residentId: s.residentId,
        name: '钱老伯',
        address: '永嘉县东城街道望江路 1 号',
        villageOrgId: s.villageId,
      },
      s.villageAdmin,
    );
    const moved = (await pulledFromOutbox(village)).filter((r) => r.recordId === s.residentId);
    const [outcome] = await pulledInPages(township, moved, 10);
    expect(outcome).toMatchObject({ updated: 1 });
    const row = await rt.db
      .selectFrom('residents')
      .select(['phone', 'address'])
      .where('id', '=', s.residentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '13900000001', address: '永嘉县东城街道望江路 1 号' });
    const found = await township.ok(
      'residents.search',
      { page: 1, pageSize: 10, query: '望江' },
      s.clerk,
    );
    expect(found.rows.map((r) => r.name)).toEqual(['钱老伯']);
    const old = await township.ok(
      'residents.search',
      { page: 1, pageSize: 10, query: '城东路' },
      s.clerk,
    );
    expect(old.rows).toEqual([]);
  });

  it('counts a person once when two records of one document arrive in one slice', async () => {
    const { id } = await s.village.ok(
      'residents.create',
      {
        name: '孔阿根',
        docType: 'resident_id',
        docNumber: residentIdNumber(YONGJIA_AREA, '1948-02-11', 27),
        address: '永嘉县东城街道城西路 3 号',
        villageOrgId: s.villageId,
      },
      s.villageAdmin,
    );
    const [pulled] = (await pulledFromOutbox(s.village)).filter((r) => r.recordId === id);
    // The same person registered elsewhere before, under a smaller id, coming second in the slice:
    // the merge tombstones the record written just before it, whose search entries must go too.
    const first = '00000000-0000-7000-8000-000000000001';
    const earlier = { ...pulled!, recordId: first, columns: { ...pulled!.columns, id: first } };
    await pulledInPages(s.township, [pulled!, earlier], 10);
    for (const query of ['阿根', '孔阿根']) {
      const found = await s.township.ok(
        'residents.search',
        { page: 1, pageSize: 10, query },
        s.clerk,
      );
      expect([found.total, found.rows.map((row) => row.id)], query).toEqual([1, [first]]);
    }
  });

  it('leaves a record whose local change predates the column log as it is here', async () => {
    const rt = s.township.backend.runtime;
    await rt.db
      .updateTable('outbox')
      .set({ changed_columns: null })
      .where('record_id', '=', s.residentId)
      .where(sql.raw<boolean>(unpushedEntry('outbox')))
      .execute();
    s.village.clock.advance(60_000);
    await s.village.ok(
      'residents.update',
      {
        residentId: s.residentId,
        name: '钱老伯',
        address: '永嘉县东城街道江北路 2 号',
        villageOrgId: s.villageId,
      },
      s.villageAdmin,
    );
    const moved = (await pulledFromOutbox(s.village)).filter((r) => r.recordId === s.residentId);
    const [outcome] = await pulledInPages(s.township, moved, 10);
    expect(outcome).toMatchObject({ unchanged: 1 });
  });
});
