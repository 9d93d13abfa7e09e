import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { recordBucket } from '@shared/sync/records-contract';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { joinHub } from '../../testing/hub-terminal';
import { seedHubRecords, startInProcessHub, type InProcessHub } from '../../testing/in-process-hub';
import { pulledFromOutbox } from '../../testing/pulled-records';
import { recordHub } from './pull';
import { repairDivergence } from './repair';

/*
 * Two windows of 岩头镇 and the county hub on loopback. Window 1's records reach the hub's tables as
 * its push side stores them (written here from window 1's change log: the push is another part of
 * issue 15); window 2 pulls them in its ordinary sync cycle.
 */

const YANTOU = orgUnitIdFromDivisionCode('330324108');
/** What starting PGlite in memory and joining three terminals takes on a busy machine. */
const SCENE_TIMEOUT_MS = 300_000;

let hub: InProcessHub;
let county: Harness;
let window1: Harness;
let window2: Harness;
let admin1: string;
let admin2: string;
let countyAdmin: string;

describe('pulling the township’s records from the hub', { timeout: SCENE_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    hub = await startInProcessHub();
    county = await createHarness();
    window1 = await createHarness();
    window2 = await createHarness();
    countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
    const code = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, countyAdmin)).code;
    admin1 = await joinHub(window1, hub.url, await code(), { username: 'yantou_admin' });
    admin2 = await joinHub(window2, hub.url, await code(), {
      username: 'yantou_admin2',
      terminalName: '二号窗口',
    });
  }, SCENE_TIMEOUT_MS);
  afterAll(async () => {
    for (const h of [county, window1, window2]) await h?.cleanup();
    await hub?.stop();
  });

  it('brings a resident recorded at window 1 to window 2 in one sync cycle, found by its search', async () => {
    const created = await window1.ok(
      'residents.create',
      {
        name: '潘阿婆',
        docType: 'resident_id',
        docNumber: residentIdNumber(YONGJIA_AREA, '1948-05-02', 73),
        address: '永嘉县岩头镇丽水街 12 号',
      },
      admin1,
    );
    await seedHubRecords(hub, YANTOU, await pulledFromOutbox(window1));
    // The seeding was their push.
    await window1.backend.runtime.db
      .updateTable('outbox')
      .set({ pushed_at: new Date().toISOString() })
      .execute();

    expect(
      (await window2.ok('residents.search', { page: 1, pageSize: 10, query: '潘阿' }, admin2)).rows,
    ).toEqual([]);
    const result = await window2.ok('hub.syncNow', {}, admin2);
    expect(result.problem).toBeNull();
    const found = await window2.ok(
      'residents.search',
      { page: 1, pageSize: 10, query: '潘阿婆' },
      admin2,
    );
    expect(found.rows.map((row) => row.id)).toEqual([created.id]);
    expect(await window2.ok('hub.pullProgress', {}, admin2)).toMatchObject({
      running: false,
      remaining: 0,
      held: 0,
    });
    expect((await window2.ok('hub.pullProgress', {}, admin2)).applied).toBeGreaterThan(0);
    // The county centre's unit sees nothing of the township's residents.
    await county.ok('hub.syncNow', {}, countyAdmin);
    const inCounty = await county.backend.runtime.db
      .selectFrom('residents')
      .select('id')
      .where('id', '=', created.id)
      .execute();
    expect(inCounty).toEqual([]);
  });

  it('finds a record that went back to an older state and pulls its bucket again', async () => {
    const rt = window2.backend.runtime;
    const resident = await rt.db
      .selectFrom('residents')
      .select(['id', 'version'])
      .where('name', '=', '潘阿婆')
      .executeTakeFirstOrThrow();
    // As a restore from a backup taken before the pull would leave it, its cursor past the change.
    rt.sqlite
      .prepare(
        `UPDATE residents SET address = '旧地址', version = '2000-01-01T00:00:00.000Z-0000-x' WHERE id = ?`,
      )
      .run(resident.id);
    const repair = await repairDivergence(rt, (await recordHub(rt))!);
    expect(repair.differing).toContain(recordBucket(resident.id));
    expect(repair.applied).toBe(1);
    const row = await rt.db
      .selectFrom('residents')
      .select(['address', 'version'])
      .where('id', '=', resident.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ address: '永嘉县岩头镇丽水街 12 号', version: resident.version });
    expect((await repairDivergence(rt, (await recordHub(rt))!)).differing).toEqual([]);
  });

  it('brings a resident written at window 1 to window 2 through the hub’s push and pull', async () => {
    const created = await window1.ok(
      'residents.create',
      {
        name: '叶阿公',
        docType: 'resident_id',
        docNumber: residentIdNumber(YONGJIA_AREA, '1950-07-09', 35),
        address: '永嘉县岩头镇港头村 3 号',
      },
      admin1,
    );
    expect((await window1.ok('hub.syncNow', {}, admin1)).problem).toBeNull();
    expect((await window2.ok('hub.syncNow', {}, admin2)).problem).toBeNull();
    const found = await window2.ok(
      'residents.search',
      { page: 1, pageSize: 10, query: '叶阿公' },
      admin2,
    );
    expect(found.rows.map((row) => row.id)).toEqual([created.id]);
  });
});
