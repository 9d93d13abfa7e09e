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
  let a: Harness;
  let b: Harness;
  let adminA: string;
  let adminB: string;
  let older: string;
  let newer: string;
  let caseId: string;

  beforeAll(async () => {
    hub = await startInProcessHub();
    county = await createHarness();
    const countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
    const code = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, countyAdmin)).code;
    a = await createHarness();
    adminA = await joinHub(a, hub.url, await code(), { username: 'yantou_admin' });
    b = await createHarness();
    adminB = await joinHub(b, hub.url, await code(), {
      username: 'yantou_admin2',
      terminalName: '二号窗口',
    });
    const person = { docType: 'resident_id', docNumber: DOC, name: '郑阿公' } as const;
    older = (await a.ok('residents.create', { ...person, address: '岩头镇港头村 5 号' }, adminA))
      .id;
    newer = (await b.ok('residents.create', { ...person, phone: '13905770123' }, adminB)).id;
    expect(older < newer).toBe(true);
    const clerkB = await signInAs(b, adminB, {
      username: 'yantou_clerk2',
      displayName: '李娟',
      role: 'clerk',
    });
    caseId = (
      await b.ok(
        'cases.intake',
        {
          residentId: newer,
          itemId: await ensureItem(b, PENSION),
          outcome: 'complete',
          materials: COMPLETE,
        },
        clerkB,
      )
    ).id;
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    for (const h of [county, a, b]) await h?.cleanup();
    await hub?.stop();
  });

  const search = async (h: Harness, admin: string) =>
    (await h.ok('residents.search', { page: 1, pageSize: 10, query: '郑阿公' }, admin)).rows.map(
      (row) => row.id,
    );

  it('keeps the older record at the window that registered the newer one, its case moved onto it', async () => {
    expect((await a.ok('hub.syncNow', {}, adminA)).problem).toBeNull();
    const synced = await b.ok('hub.syncNow', {}, adminB);
    expect(synced.problem).toBeNull();
    expect(await search(b, adminB)).toEqual([older]);
    expect((await b.ok('residents.get', { residentId: older }, adminB)).address).toBe(
      '岩头镇港头村 5 号',
    );
    // The record the clerk opened before the merge shows the person as he is now.
    expect((await b.ok('residents.get', { residentId: newer }, adminB)).id).toBe(older);
    expect((await b.ok('cases.get', { caseId }, adminB)).residentId).toBe(older);
    // The move went up as this window's change, nothing waits or was refused.
    const status = await b.ok('sync.status', {}, adminB);
    expect(status.problems).toBe(0);
  });

  it('keeps the older record at the window that registered it, the newer one arriving as an alias', async () => {
    expect((await b.ok('hub.syncNow', {}, adminB)).problem).toBeNull();
    expect((await a.ok('hub.syncNow', {}, adminA)).problem).toBeNull();
    expect(await search(a, adminA)).toEqual([older]);
    const { db } = a.backend.runtime;
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
    expect((await a.ok('residents.get', { residentId: newer }, adminA)).id).toBe(older);
    // Both windows converge: a third sync changes nothing on either.
    expect((await b.ok('hub.syncNow', {}, adminB)).problem).toBeNull();
    expect(await search(b, adminB)).toEqual([older]);
  });
});
