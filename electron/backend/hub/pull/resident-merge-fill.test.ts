import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, residentIdNumber, VILLAGE_AGENT } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { applyPulled, pulledFromOutbox } from '../../testing/pulled-records';
import { moveClockTo, SETUP_TIMEOUT_MS, setUpDemoTownship, signInAs } from '../../testing/township';

/*
 * The township registered 冯大妈 first, with her address but no phone; a village agent registered
 * her again a day later, with her phone and another spelling of the address. When the village's
 * record reaches the township it is merged into the township's, which keeps its own address and
 * takes the phone, as the hub's merge does (shared/sync/resident-fill.ts), and sends that up.
 */

const FENG = residentIdNumber(YONGJIA_AREA, '1949-11-23', 62);

let township: Harness;
let clerk: string;
let survivor: string;
let merged: string;

describe(
  'the survivor of a merge takes the fields only the merged record had',
  { timeout: 4 * SETUP_TIMEOUT_MS },
  () => {
    beforeAll(async () => {
      township = await createHarness();
      const village = await createHarness();
      moveClockTo(township, '2025-09-20T01:00:00.000Z', []);
      moveClockTo(village, '2025-09-21T01:00:00.000Z', []);
      const t = await setUpDemoTownship(township);
      clerk = await signInAs(township, t.admin, CLERK);
      const person = { name: '冯大妈', docType: 'resident_id', docNumber: FENG } as const;
      survivor = (
        await township.ok('residents.create', { ...person, address: '东城街道城东路 3 号' }, clerk)
      ).id;
      const v = await setUpDemoTownship(village);
      const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
      merged = (
        await village.ok(
          'residents.create',
          { ...person, phone: '13812345678', address: '城东路3号', ethnicity: '畲族' },
          agent,
        )
      ).id;
      expect(survivor < merged).toBe(true);
      await applyPulled(township, await pulledFromOutbox(village, 'reader'));
      await village.cleanup();
    }, 4 * SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await township?.cleanup();
    });

    it('fills the phone and ethnicity, keeps its own address, and finds her by the phone', async () => {
      const { db } = township.backend.runtime;
      const row = await db
        .selectFrom('residents')
        .select(['phone', 'address', 'ethnicity', 'deleted_at'])
        .where('id', '=', survivor)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        phone: '13812345678',
        address: '东城街道城东路 3 号',
        ethnicity: '畲族',
        deleted_at: null,
      });
      const found = await township.ok(
        'residents.search',
        { page: 1, pageSize: 10, query: '13812345678' },
        clerk,
      );
      expect(found.rows.map((r) => r.id)).toEqual([survivor]);
    });

    it('sends the fill up as a change of its own record', async () => {
      const { db } = township.backend.runtime;
      const last = await db
        .selectFrom('outbox')
        .select(['op', 'payload'])
        .where('table_name', '=', 'residents')
        .where('record_id', '=', survivor)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.op).toBe('update');
      expect(JSON.parse(last.payload)).toMatchObject({ phone: '13812345678', ethnicity: '畲族' });
    });
  },
);
