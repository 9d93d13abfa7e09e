import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YANTOU } from '@shared/testing/org-units';
import { ADMIN_PASSWORD } from '../../testing/harness';
import { COUNTY_SCENE_TIMEOUT_MS } from '../../testing/hub-terminal';
import { seededRandom } from '../../testing/fault-proxy';
import { endChecks } from '../../testing/faults/checks';
import { createResident, syncOnce, syncUntilQuiet, updatePhone } from '../../testing/faults/drive';
import { readHubState } from '../../testing/faults/hub-state';
import { PASS, startFaultScene, type FaultScene } from '../../testing/faults/scene';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/*
 * An update of a row stamped by a PC a year fast steps past the row's version, apart from the clock
 * (Stamper.nextVersionAfter). The hub keeps what it took from each terminal per record, so after a
 * restore put the row back to that version, a second edit stepped to the same version was dropped
 * there as already taken, silently: no conflict, and the other terminals never saw it.
 */
describe('a terminal restored after editing a year-ahead record (two 岩头镇 terminals)', () => {
  let scene: FaultScene;

  beforeAll(async () => {
    scene = await startFaultScene([
      { name: '岩头镇一号', division: YANTOU.divisionCode },
      { name: '岩头镇二号', division: YANTOU.divisionCode, skewMs: YEAR_MS },
    ]);
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    await scene?.close();
  }, 60_000);

  it(
    'keeps the edit made after the restore, at the hub and at the other terminal',
    async () => {
      const random = seededRandom(3);
      const [one, two] = scene.terminals as [
        FaultScene['terminals'][0],
        FaultScene['terminals'][0],
      ];
      await createResident(two, random);
      await syncOnce(two);
      await syncOnce(one);
      const backup = await one.h.ok('backups.create', {}, one.session);
      await updatePhone(one, random);
      await syncOnce(one);
      // Restored while the hub is out of reach: the edit is made before a pull brings the first back.
      one.proxy.setPlan(() => ({ kind: 'error5xx', status: 503 }));
      await one.h.ok('backups.restore', { name: backup.name }, one.session);
      one.session = (
        await one.h.ok('auth.signIn', { username: one.username, password: ADMIN_PASSWORD })
      ).token;
      await updatePhone(one, random);
      one.proxy.setPlan(PASS);
      await syncUntilQuiet(scene.terminals);
      await scene.hub.stop();
      const hub = await readHubState(`${scene.hubDir}/hub`);
      expect(await endChecks(scene.terminals, hub)).toEqual([]);
      // The restored terminal edited from the older base, so the two phones meet as a conflict a
      // person settles (the hub cannot tell the first edit was forgotten); dropped, there was none.
      expect(hub.conflicts).toBe(1);
    },
    10 * 60_000,
  );
});
