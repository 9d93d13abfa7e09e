import { test as base } from 'vitest';
import { caseListScenario } from './case-scenario';
import { townshipFileTest, townshipTest } from './fixtures';
import { planProbe, type PlanProbe } from './plan-probe';
import { counterScene } from './township';

/**
 * The fixtures (testing/fixtures.ts) with the scenes of the case tests as the township: the
 * counter of township.ts (a clerk, a supervisor, the pension item and one resident) and the case
 * list of case-scenario.ts (eight cases in scope and one elsewhere).
 */
export const counterTest = townshipTest(counterScene);
export const counterFileTest = townshipFileTest(counterScene);
export const caseListFileTest = townshipFileTest(caseListScenario);

export type CounterScene = Awaited<ReturnType<typeof counterScene>>;
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
