import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { COUNTY_SCENE_TIMEOUT_MS, joinHub } from '../../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../../testing/in-process-hub';
import { COMPLETE, ensureItem, PENSION, signInAs } from '../../testing/township';

/*
 * The older record of a person reaches the hub last. 岩头镇's first window registers 吴阿婆 first,
 * its second window a second later (and takes in a case under its record), the village agency
 * point 岩头村 a second after that; they sync newest first, so the hub holds each newer record live
 * before the older one arrives. The hub merges them itself: after one more 立即同步 each, every
 * terminal holds one live record of her, the oldest, with nothing refused and no conflict opened,
 * even the village, which has no case that would name the township's record.
 */

const YANTOU = orgUnitIdFromDivisionCode('330324108');
const YANTOU_VILLAGE = orgUnitIdFromDivisionCode('330324108201');
const DOC = residentIdNumber(YONGJIA_AREA, '1950-06-09', 37);

describe(
  'one resident, one record when the older record is pushed last',
  { timeout: COUNTY_SCENE_TIMEOUT_MS },
  () => {
    let hub: InProcessHub;
    let county: Harness;
    let first: Harness;
    let firstAdmin: string;
    let second: Harness;
    let secondAdmin: string;
    let village: Harness;
    let villageAdmin: string;
    /** Each terminal's record of her, oldest first. */
    let oldest: string;
    let middle: string;
    let newest: string;
    let caseId: string;

    const syncNow = async (h: Harness, session: string) =>
      expect((await h.ok('hub.syncNow', {}, session)).problem).toBeNull();

    beforeAll(async () => {
      hub = await startInProcessHub();
      county = await createHarness();
      const countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
      const codeFor = async (orgUnitId: string) =>
        (await county.ok('hub.issueCode', { orgUnitId }, countyAdmin)).code;
      first = await createHarness();
      firstAdmin = await joinHub(first, hub.url, await codeFor(YANTOU), {
        username: 'yantou_admin',
      });
      second = await createHarness();
      secondAdmin = await joinHub(second, hub.url, await codeFor(YANTOU), {
        username: 'yantou_admin2',
        terminalName: '二号窗口',
      });
      village = await createHarness();
      villageAdmin = await joinHub(village, hub.url, await codeFor(YANTOU_VILLAGE), {
        username: 'yantoucun_admin',
        terminalName: '代办点',
      });
      const person = { docType: 'resident_id', docNumber: DOC, name: '吴阿婆' } as const;
      // Each terminal's clock a second apart, so that the ids are in a known order; each pushes at
      // once (its background push would only follow later), newest first.
      village.clock.advance(2000);
      newest = (
        await village.ok('residents.create', { ...person, address: '岩头村 12 号' }, villageAdmin)
      ).id;
      await syncNow(village, villageAdmin);
      second.clock.advance(1000);
      middle = (await second.ok('residents.create', person, secondAdmin)).id;
      const clerk = await signInAs(second, secondAdmin, {
        username: 'yantou_clerk2',
        displayName: '李娟',
        role: 'clerk',
      });
      caseId = (
        await second.ok(
          'cases.intake',
          {
            residentId: middle,
            itemId: await ensureItem(second, PENSION),
            outcome: 'complete',
            materials: COMPLETE,
          },
          clerk,
        )
      ).id;
      await syncNow(second, secondAdmin);
      oldest = (await first.ok('residents.create', person, firstAdmin)).id;
      expect(oldest < middle && middle < newest).toBe(true);
      await syncNow(first, firstAdmin);
    }, COUNTY_SCENE_TIMEOUT_MS);

    afterAll(async () => {
      for (const h of [county, first, second, village]) await h?.cleanup();
      await hub?.stop();
    });

    const liveRecords = (h: Harness) =>
      h.backend.runtime.db
        .selectFrom('residents')
        .select('id')
        .where('doc_number', '=', DOC)
        .where('deleted_at', 'is', null)
        .execute()
        .then((rows) => rows.map((row) => row.id));

    it('keeps the oldest record on the hub, the others as its aliases, before any terminal merges', async () => {
      const rows = await hub.db
        .selectFrom('sync_records')
        .select(['record_id', 'deleted'])
        .where('table_name', '=', 'residents')
        .where('record_id', 'in', [oldest, middle, newest])
        .orderBy('record_id')
        .execute();
      expect(rows.map((row) => [row.record_id, row.deleted])).toEqual([
        [oldest, false],
        [middle, true],
        [newest, true],
      ]);
      const aliases = await hub.db
        .selectFrom('sync_resident_aliases')
        .select(['alias_id', 'resident_id'])
        .orderBy('alias_id')
        .execute();
      expect(aliases).toEqual([
        { alias_id: middle, resident_id: oldest },
        { alias_id: newest, resident_id: oldest },
      ]);
    });

    it('moves the second window onto the oldest record, its case with it', async () => {
      await syncNow(second, secondAdmin);
      expect(await liveRecords(second)).toEqual([oldest]);
      expect((await second.ok('residents.get', { residentId: middle }, secondAdmin)).id).toBe(
        oldest,
      );
      expect((await second.ok('cases.get', { caseId }, secondAdmin)).residentId).toBe(oldest);
    });

    it('moves the village onto the township’s record though no case of its own names it', async () => {
      await syncNow(village, villageAdmin);
      expect(await liveRecords(village)).toEqual([oldest]);
      expect((await village.ok('residents.get', { residentId: newest }, villageAdmin)).id).toBe(
        oldest,
      );
    });

    it('ends with one record everywhere, nothing refused and no conflict', async () => {
      for (const [h, admin] of [
        [second, secondAdmin],
        [village, villageAdmin],
        [first, firstAdmin],
        [second, secondAdmin],
        [village, villageAdmin],
      ] as const) {
        await syncNow(h, admin);
      }
      for (const [h, admin] of [
        [first, firstAdmin],
        [second, secondAdmin],
        [village, villageAdmin],
      ] as const) {
        expect(await liveRecords(h)).toEqual([oldest]);
        const status = await h.ok('sync.status', {}, admin);
        expect([status.problems, status.waiting]).toEqual([0, 0]);
      }
      expect(await hub.db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([]);
      expect(await hub.db.selectFrom('sync_rejections').selectAll().execute()).toEqual([]);
      const held = await hub.db
        .selectFrom('sync_records')
        .select((sql) => sql.fn<string>('count', ['record_id']).as('n'))
        .where('table_name', '=', 'residents')
        .where('deleted', '=', false)
        .where('record_id', 'in', [oldest, middle, newest])
        .executeTakeFirstOrThrow();
      expect(Number(held.n)).toBe(1);
    });
  },
);
