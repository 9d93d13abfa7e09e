import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SCENE_TIMEOUT_MS } from '../../testing/hub-terminal';
import { randomFaults, seededRandom } from '../../testing/fault-proxy';
import { endChecks, entriesWritten } from '../../testing/faults/checks';
import { createResident, syncOnce, syncUntilQuiet, updatePhone } from '../../testing/faults/drive';
import { readHubState } from '../../testing/faults/hub-state';
import { CUT_ALL, PASS, startFaultScene, type FaultScene } from '../../testing/faults/scene';
import { YANTOU } from '@shared/testing/org-units';

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** 岩头村, a village of 岩头镇. */
const YANTOU_VILLAGE = '330324108201';

/**
 * FAULT_SEED replays a run; FAULT_STEPS makes a longer one (npm run test:faults). One township
 * terminal's clock runs a year ahead and the village's a year behind; FAULT_SKEW=0 runs without.
 */
const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const steps = Number(process.env.FAULT_STEPS ?? 30);
const skew = process.env.FAULT_SKEW === '0' ? 0 : YEAR_MS;

const FAULT_WEIGHTS = {
  pass: 10,
  cutBefore: 1,
  cutAfter: 1,
  delay: 2,
  duplicate: 1,
  error5xx: 1,
  holdForReorder: 1,
};

describe(`a randomized fault run (FAULT_SEED=${seed} FAULT_STEPS=${steps} FAULT_SKEW=${skew ? 1 : 0})`, () => {
  let scene: FaultScene;

  beforeAll(async () => {
    scene = await startFaultScene([
      { name: '岩头镇一号', division: YANTOU.divisionCode },
      { name: '岩头镇二号', division: YANTOU.divisionCode, skewMs: skew },
      { name: '岩头村', division: YANTOU_VILLAGE, skewMs: -skew },
    ]);
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    await scene?.close();
  }, 60_000);

  it(
    'ends with every change on the hub once, every terminal converged and every rejection shown',
    async () => {
      console.log(`fault run: FAULT_SEED=${seed} FAULT_STEPS=${steps} FAULT_SKEW=${skew ? 1 : 0}`);
      const random = seededRandom(seed);
      const { terminals } = scene;
      const faulty = () => randomFaults(random, FAULT_WEIGHTS, 300);
      for (const t of terminals) t.proxy.setPlan(faulty());
      let partitioned: { index: number; until: number } | null = null;
      let syncErrors = 0;
      for (let step = 0; step < steps; step += 1) {
        if (step === Math.floor(steps / 2)) await scene.restartHub();
        if (partitioned && step >= partitioned.until) {
          terminals[partitioned.index]?.proxy.setPlan(faulty());
          partitioned = null;
        }
        const t = terminals[Math.floor(random() * terminals.length)]!;
        for (const other of terminals) other.clock.advance(Math.floor(random() * 60_000));
        const draw = random();
        if (draw < 0.45) await createResident(t, random);
        else if (draw < 0.7) {
          if (!(await updatePhone(t, random))) await createResident(t, random);
        } else if (draw < 0.95) {
          if (!(await syncOnce(t)).ok) syncErrors += 1;
        } else if (!partitioned) {
          const index = terminals.indexOf(t);
          partitioned = { index, until: step + 3 + Math.floor(random() * 8) };
          t.proxy.setPlan(CUT_ALL);
        }
      }
      for (const t of terminals) t.proxy.setPlan(PASS);
      const rounds = await syncUntilQuiet(terminals);
      await scene.hub.stop();
      const hub = await readHubState(`${scene.hubDir}/hub`);
      const faults: Record<string, number> = {};
      for (const t of terminals)
        for (const [kind, n] of Object.entries(t.proxy.counts))
          faults[kind] = (faults[kind] ?? 0) + n;
      console.log(
        `fault run: seed ${seed}, steps ${steps}, skew ${skew ? '±1 year' : 'none'}, faults ${JSON.stringify(faults)}, ` +
          `sync errors ${syncErrors}, quiet after ${rounds} rounds, entries ${entriesWritten(terminals)}, ` +
          `records ${hub.records.length}, rejections ${hub.rejections.length}, conflicts ${hub.conflicts}`,
      );
      expect(await endChecks(terminals, hub)).toEqual([]);
    },
    10 * 60_000 + steps * 15_000,
  );
});
