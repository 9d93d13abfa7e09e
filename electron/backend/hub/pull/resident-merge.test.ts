import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { COUNTY_SCENE_TIMEOUT_MS, joinHub } from '../../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../../testing/in-process-hub';
import { COMPLETE, ensureItem, PENSION, signInAs } from '../../testing/township';

/*
 * Two windows of 岩头镇 register the same person offline, each under its own id, and then sync
 * through the county hub: each ends with one live record of the person, the older one, and the
 * case taken in under the other names it.
 */

const YANTOU = orgUnitIdFromDivisionCode('330324108');
const DOC = residentIdNumber(YONGJIA_AREA, '1951-04-17', 88);

describe('one resident, one record across terminals', { timeout: COUNTY_SCENE_TIMEOUT_MS }, () => {
  let hub: InProcessHub;
  let county: Harness;
  /** The window whose record survives (the smaller id) and its administrator. */
  let keeper: Harness;
  let keeperAdmin: string;
  /** The window whose record is merged away, where a case was taken in under it. */
  let merger: Harness;
  let mergerAdmin: string;
  let older: string;
  let newer: string;
  let caseId: string;

  beforeAll(async () => {
    hub = await startInProcessHub();
    county = await createHarness();
    const countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
    const code = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, countyAdmin)).code;
    const a = await createHarness();
    const adminA = await joinHub(a, hub.url, await code(), { username: 'yantou_admin' });
    const b = await createHarness();
    const adminB = await joinHub(b, hub.url, await code(), {
      username: 'yantou_admin2',
      terminalName: '二号窗口',
    });
    const person = { docType: 'resident_id', docNumber: DOC, name: '郑阿公' } as const;
    const atA = await a.ok('residents.create', { ...person, address: '岩头镇港头村 5 号' }, adminA);
    const atB = await b.ok('residents.create', { ...person, address: '岩头镇港头村 5 号' }, adminB);
    // Each harness has its own test clock, so which id is the smaller is not known beforehand.
    [keeper, keeperAdmin, older, merger, mergerAdmin, newer] =
      atA.id < atB.id
        ? [a, adminA, atA.id, b, adminB, atB.id]
        : [b, adminB, atB.id, a, adminA, atA.id];
    const clerk = await signInAs(merger, mergerAdmin, {
      username: 'yantou_clerk2',
      displayName: '李娟',
      role: 'clerk',
    });
    caseId = (
      await merger.ok(
        'cases.intake',
        {
          residentId: newer,
          itemId: await ensureItem(merger, PENSION),
          outcome: 'complete',
          materials: COMPLETE,
        },
        clerk,
      )
    ).id;
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    for (const h of [county, keeper, merger]) await h?.cleanup();
    await hub?.stop();
  });

  const search = async (h: Harness, admin: string) =>
    (await h.ok('residents.search', { page: 1, pageSize: 10, query: '郑阿公' }, admin)).rows.map(
      (row) => row.id,
    );

  it('keeps the older record at the window that registered the newer one, its case moved onto it', async () => {
    expect((await keeper.ok('hub.syncNow', {}, keeperAdmin)).problem).toBeNull();
    const synced = await merger.ok('hub.syncNow', {}, mergerAdmin);
    expect(synced.problem).toBeNull();
    expect(await search(merger, mergerAdmin)).toEqual([older]);
    expect((await merger.ok('residents.get', { residentId: older }, mergerAdmin)).address).toBe(
      '岩头镇港头村 5 号',
    );
    // The record the clerk opened before the merge shows the person as he is now.
    expect((await merger.ok('residents.get', { residentId: newer }, mergerAdmin)).id).toBe(older);
    expect((await merger.ok('cases.get', { caseId }, mergerAdmin)).residentId).toBe(older);
    // The move went up as this window's change, nothing waits or was refused.
    const status = await merger.ok('sync.status', {}, mergerAdmin);
    expect(status.problems).toBe(0);
  });

  it('keeps the older record at the window that registered it, the newer one arriving as an alias', async () => {
    // The newer record arrives, tombstoned by the hub's merge or by the merger's, and is an alias here.
    expect((await keeper.ok('hub.syncNow', {}, keeperAdmin)).problem).toBeNull();
    expect(await search(keeper, keeperAdmin)).toEqual([older]);
    const { db } = keeper.backend.runtime;
    const rows = await db
      .selectFrom('residents')
      .select(['id', 'deleted_at'])
      .where('doc_number', '=', DOC)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.id, row.deleted_at === null])).toEqual([
      [older, true],
      [newer, false],
    ]);
    expect((await keeper.ok('residents.get', { residentId: newer }, keeperAdmin)).id).toBe(older);
    // The merger's tombstone and moved case go up and come round: both windows stay as they are.
    expect((await merger.ok('hub.syncNow', {}, mergerAdmin)).problem).toBeNull();
    expect((await keeper.ok('hub.syncNow', {}, keeperAdmin)).problem).toBeNull();
    expect(await search(keeper, keeperAdmin)).toEqual([older]);
    expect(await search(merger, mergerAdmin)).toEqual([older]);
    expect((await merger.ok('sync.status', {}, mergerAdmin)).problems).toBe(0);
  });
});
