import { test as base } from 'vitest';
import { caseListScenario } from './case-scenario';
import { townshipFileTest, townshipTest } from './fixtures';
import { planProbe, type PlanProbe } from './plan-probe';
import type { Harness } from './harness';
import { COMPLETE, counterScene } from './township';

/**
 * The fixtures (testing/fixtures.ts) with the scenes of the case tests as the township: the
 * counter of township.ts (a clerk, a supervisor, the pension item and one resident) and the case
 * list of case-scenario.ts (eight cases in scope and one elsewhere).
 */
export const counterTest = townshipTest(counterWithIntake);
export const counterFileTest = townshipFileTest(counterWithIntake);
export const caseListFileTest = townshipFileTest(caseListScenario);

export type CounterScene = Awaited<ReturnType<typeof counterWithIntake>>;

/** The counter scene with the step most of its tests begin with, `takeIn`. */
async function counterWithIntake(h: Harness) {
  const scene = await counterScene(h);
  const { residentId, itemId, clerk } = scene;
  return {
    ...scene,
    /** The clerk takes 李阿婆's pension application in (受理) with every material. */
    takeIn: () =>
      h.ok('cases.intake', { residentId, itemId, outcome: 'complete', materials: COMPLETE }, clerk),
  };
}
export type CaseListScene = Awaited<ReturnType<typeof caseListScenario>>;

/** A migrated database that records the plans of what it runs (plan-probe.ts), once for the file. */
export const planProbeFileTest = base.extend(
  'probe',
  { scope: 'file' },
  // eslint-disable-next-line no-empty-pattern
  async ({}, { onCleanup }): Promise<PlanProbe> => {
    const probe = await planProbe();
    onCleanup(() => probe.close());
    return probe;
  },
);
