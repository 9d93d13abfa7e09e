import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YANTOU } from '@shared/testing/org-units';
import { COUNTY_SCENE_TIMEOUT_MS } from '../../testing/hub-terminal';
import { seededRandom } from '../../testing/fault-proxy';
import { endChecks } from '../../testing/faults/checks';
import { createResident, syncOnce, syncUntilQuiet, updatePhone } from '../../testing/faults/drive';
import { readHubState } from '../../testing/faults/hub-state';
import { startFaultScene, type FaultScene } from '../../testing/faults/scene';

const YEAR_MS = 365 * 24 * 3600 * 1000;

function phoneOf(scene: FaultScene, index: number): string | null {
  const row = scene.terminals[index]!.h.backend.runtime.sqlite.prepare(
    'SELECT phone FROM residents',
  ).get() as { phone: string | null };
  return row.phone;
}

/*
 * Found by the randomized run (FAULT_SEED=2 FAULT_STEPS=40 FAULT_SKEW=1): a resident edited at a
 * terminal whose clock is a year ahead, then edited again at another terminal of the township after
 * it pulled that edit. The second terminal's clock does not follow a version that far ahead
 * (Stamper.observe), so its later edit carried a version below its base and was lost. An update's
 * version now always steps past the version it was based on (Stamper.nextVersionAfter).
 */
describe('a PC clock a year ahead (two 岩头镇 terminals)', () => {
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
    'keeps an edit made after a year-ahead one, at the hub and at both terminals',
    async () => {
      const random = seededRandom(2);
      const [one, two] = scene.terminals as [
        FaultScene['terminals'][0],
        FaultScene['terminals'][0],
      ];
      await createResident(one, random);
      await syncOnce(one);
      await syncOnce(two);
      await updatePhone(two, random);
      await syncOnce(two);
      await syncOnce(one);
      await updatePhone(one, random);
      const latest = phoneOf(scene, 0);
      await syncUntilQuiet(scene.terminals);
      await scene.hub.stop();
      const hub = await readHubState(`${scene.hubDir}/hub`);
      expect(await endChecks(scene.terminals, hub)).toEqual([]);
      expect(hub.conflicts).toBe(0);
      expect(phoneOf(scene, 1)).toBe(latest);
      // Only the terminal whose clock is wrong is flagged: the other's edit is ahead only because
      // the record was, and its clock stays true (nor does its floor follow that edit).
      expect(hub.clockFlagged).toEqual([two.terminalId]);
      const floor = one.h.backend.runtime.sqlite
        .prepare('SELECT clock_floor FROM sync_state')
        .get() as { clock_floor: string };
      expect(Date.parse(floor.clock_floor.slice(0, 24))).toBeLessThan(
        one.clock.now() + YEAR_MS / 2,
      );
    },
    10 * 60_000,
  );
});
