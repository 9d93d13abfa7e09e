import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, residentIdNumber, VILLAGE_AGENT } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { unpushedEntry } from '../../core/pushed-through';
import { createHarness, type Harness } from '../../testing/harness';
import { pulledFromOutbox } from '../../testing/pulled-records';
import {
  COMPLETE,
  SETUP_TIMEOUT_MS,
  ensureItem,
  moveClockTo,
  setUpDemoTownship,
  signInAs,
  ALL_RECEIVED,
} from '../../testing/township';
import { applyPage } from './pull';

/*
 * 城东社区's agent files cases for two people and hands them to the township, whose window had
 * registered both people itself: 孔老伯 before the village did (the township's record is the
 * older), 孟阿婆 after it (the village's is the older). The township pulls the hand-offs (the hub
 * stood in for by the village's outbox, as in apply-page.test.ts) and keeps one record per person,
 * the older one, with every case of the person under it.
 */

const KONG = residentIdNumber(YONGJIA_AREA, '1944-02-11', 17);
const MENG = residentIdNumber(YONGJIA_AREA, '1949-10-05', 28);

interface Person {
  /** The record each terminal gave the person. */
  village: string;
  township: string;
  /** The village's hand-off for the person. */
  handOff: string;
}

let village: Harness;
let township: Harness;
let clerk: string;
let villageId: string;
let kong: Person;
let meng: Person;
/** 孟阿婆's pension application taken in at the township's counter under its own record. */
let counterCase: string;

describe(
  'a hand-off for a person the township registered too',
  { timeout: 4 * SETUP_TIMEOUT_MS },
  () => {
    beforeAll(async () => {
      village = await createHarness();
      township = await createHarness();
      moveClockTo(township, '2025-09-20T01:00:00.000Z', []);
      moveClockTo(village, '2025-09-21T01:00:00.000Z', []);
      const t = await setUpDemoTownship(township);
      clerk = await signInAs(township, t.admin, CLERK);
      const itemId = await ensureItem(township, 'ZJ-XZ-0003');
      const register = (h: Harness, token: string, name: string, docNumber: string) =>
        h.ok('residents.create', { name, docType: 'resident_id', docNumber }, token);
      const kongHere = await register(township, clerk, '孔老伯', KONG);

      const v = await setUpDemoTownship(village);
      villageId = v.villageId;
      const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
      expect(await ensureItem(village, 'ZJ-XZ-0003')).toBe(itemId);
      const handOff = async (name: string, docNumber: string) => {
        const resident = await register(village, agent, name, docNumber);
        const filed = await village.ok(
          'cases.agencyIntake',
          {
            residentId: resident.id,
            itemId,
            materials: ALL_RECEIVED,
            attorneyDate: '2025-09-20',
            reason: '申请人年老行动不便',
          },
          agent,
        );
        await village.ok('cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);
        return { village: resident.id, handOff: filed.id };
      };
      kong = { ...(await handOff('孔老伯', KONG)), township: kongHere.id };
      const mengThere = await handOff('孟阿婆', MENG);

      moveClockTo(township, '2025-09-22T01:00:00.000Z', [clerk]);
      const mengHere = await register(township, clerk, '孟阿婆', MENG);
      meng = { ...mengThere, township: mengHere.id };
      counterCase = (
        await township.ok(
          'cases.intake',
          { residentId: mengHere.id, itemId, outcome: 'complete', materials: COMPLETE },
          clerk,
        )
      ).id;
      expect(kong.township < kong.village && meng.village < meng.township).toBe(true);

      const records = await pulledFromOutbox(village, 'addressee');
      for (let i = 0; i < records.length; i += 4) {
        await applyPage(township.backend.runtime, { records: records.slice(i, i + 4) });
      }
    }, 4 * SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await village?.cleanup();
      await township?.cleanup();
    });

    it('finds each person once, as the older record', async () => {
      for (const [query, person] of [
        ['孔老伯', kong.township],
        ['孟阿婆', meng.village],
      ] as const) {
        const found = await township.ok(
          'residents.search',
          { page: 1, pageSize: 10, query },
          clerk,
        );
        expect(found.rows.map((row) => row.id)).toEqual([person]);
      }
    });

    it('shows both hand-offs in 待接收 and every case under the surviving record', async () => {
      const dashboard = await township.ok('cases.dashboard', {}, clerk);
      expect(dashboard.awaitingReceipt.map((row) => row.id).sort()).toEqual(
        [kong.handOff, meng.handOff].sort(),
      );
      const residentOf = async (caseId: string) =>
        (await township.ok('cases.get', { caseId }, clerk)).residentId;
      expect(await residentOf(kong.handOff)).toBe(kong.township);
      expect(await residentOf(meng.handOff)).toBe(meng.village);
      expect(await residentOf(counterCase)).toBe(meng.village);
    });

    it('opens a merged record as the one it joined', async () => {
      const opened = await township.ok('residents.get', { residentId: kong.village }, clerk);
      expect(opened.id).toBe(kong.township);
      expect((await township.ok('residents.get', { residentId: meng.township }, clerk)).id).toBe(
        meng.village,
      );
    });

    it('sends up what it changed of its own records: its record of 孟阿婆 retired, its case moved', async () => {
      const pending = await township.backend.runtime.db
        .selectFrom('outbox')
        .select(['table_name', 'record_id', 'op', 'changed_columns'])
        .where(sql.raw<boolean>(unpushedEntry('outbox')))
        .where('record_id', 'in', [meng.township, counterCase, kong.village, meng.village])
        .where('op', '<>', 'insert')
        .orderBy('seq')
        .execute();
      expect(pending.map((entry) => [entry.table_name, entry.record_id, entry.op])).toEqual([
        ['residents', meng.township, 'delete'],
        ['cases', counterCase, 'update'],
      ]);
      expect(JSON.parse(pending[1]!.changed_columns!)).toContain('resident_id');
    });

    it('lets the village see the township’s record of the person it filed for', async () => {
      const filedBy = township.backend.runtime.sqlite
        .prepare(
          `SELECT a.filed FROM resident_access a JOIN residents r ON r.rowid = a.resident_rowid
         WHERE r.id = ? AND a.unit_id = ?`,
        )
        .pluck();
      expect(filedBy.get(kong.township, villageId)).toBe(1);
      expect(filedBy.get(meng.village, villageId)).toBe(1);
    });

    it('audits each merge', async () => {
      const merges = await township.backend.runtime.db
        .selectFrom('audit_log')
        .select('object_id')
        .where('action', '=', 'residents.merge')
        .execute();
      expect(merges.map((entry) => entry.object_id).sort()).toEqual(
        [kong.township, meng.village].sort(),
      );
    });
  },
);
