import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, residentIdNumber, VILLAGE_AGENT } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../testing/harness';
import { applyPulled, pulledFromOutbox } from '../testing/pulled-records';
import { moveClockTo, SETUP_TIMEOUT_MS, setUpDemoTownship, signInAs } from '../testing/township';

/*
 * 已合并 on the resident page: one terminal registered 钱大伯 first, a village agent registered him
 * again a day later at another terminal; once that record reaches the first terminal it is merged
 * into the older one, and the page says so: where and when the other record was registered, never
 * its document number.
 */

const QIAN = residentIdNumber(YONGJIA_AREA, '1947-03-08', 41);

let township: Harness;
let village: Harness;
let clerk: string;
let survivor: string;
let merged: string;
let registeredBy: string;
let otherAgent: string;

describe('residents.merged', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    township = await createHarness();
    village = await createHarness();
    moveClockTo(township, '2025-09-20T01:00:00.000Z', []);
    moveClockTo(village, '2025-09-21T01:00:00.000Z', []);
    const t = await setUpDemoTownship(township);
    clerk = await signInAs(township, t.admin, CLERK);
    const person = { name: '钱大伯', docType: 'resident_id', docNumber: QIAN } as const;
    survivor = (await township.ok('residents.create', person, clerk)).id;
    otherAgent = await signInAs(township, t.admin, {
      username: 'agent_wj',
      displayName: '吴代办',
      role: 'agent',
      orgUnitId: t.otherVillageId,
    });

    const v = await setUpDemoTownship(village);
    const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
    merged = (await village.ok('residents.create', person, agent)).id;
    // The unit that owns the record: the terminal's, whoever typed it in.
    registeredBy = (
      await village.backend.runtime.db
        .selectFrom('residents as r')
        .innerJoin('org_units as o', 'o.id', 'r.org_unit_id')
        .select('o.name')
        .where('r.id', '=', merged)
        .executeTakeFirstOrThrow()
    ).name;
    expect(survivor < merged).toBe(true);
    await applyPulled(township, await pulledFromOutbox(village, 'reader'));
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await township?.cleanup();
    await village?.cleanup();
  });

  it('names the unit and the day of the record merged in, from either id', async () => {
    const expected = [{ unitName: registeredBy, registeredOn: '2025-09-21' }];
    expect(await township.ok('residents.merged', { residentId: survivor }, clerk)).toEqual(
      expected,
    );
    expect(await township.ok('residents.merged', { residentId: merged }, clerk)).toEqual(expected);
  });

  it('never gives the merged record’s document number', async () => {
    const answer = JSON.stringify(
      await township.ok('residents.merged', { residentId: survivor }, clerk),
    );
    expect(answer).not.toContain(QIAN);
    expect(answer).not.toContain(QIAN.slice(-4));
  });

  it('lists nothing for a record nothing was merged into', async () => {
    const lone = await township.ok(
      'residents.create',
      {
        name: '孙阿婆',
        docType: 'resident_id',
        docNumber: residentIdNumber(YONGJIA_AREA, '1952-07-01', 12),
      },
      clerk,
    );
    expect(await township.ok('residents.merged', { residentId: lone.id }, clerk)).toEqual([]);
  });

  it('answers only for a resident the caller may open', async () => {
    const get = await township.call('residents.get', { residentId: survivor }, otherAgent);
    const answer = await township.call('residents.merged', { residentId: survivor }, otherAgent);
    expect(get.ok).toBe(false);
    expect(answer).toEqual(get);
  });
});
