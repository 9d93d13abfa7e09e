import type { Kysely } from 'kysely';
import { test as base } from 'vitest';
import type { MethodInput } from '@shared/api';
import { findForeignOwners, type CaseScope } from '../cases/list/scope-sql';
import type { Database } from '../db/schema';
import { orgScope } from '../org/repository';
import { caseListScenario } from './case-scenario';
import { FILE, townshipFileTest, townshipTest } from './fixtures';
import { planProbe, type PlanProbe } from './plan-probe';
import type { Harness } from './harness';
import { COMPLETE, counterScene, received, SETUP_TIMEOUT_MS } from './township';

/**
 * The fixtures (testing/fixtures.ts) with the scenes of the case tests as the township: the
 * counter of township.ts (a clerk, a supervisor, the pension item and one resident) and the case
 * list of case-scenario.ts (eight cases in scope and one elsewhere).
 */
export const counterTest = townshipTest(counterWithIntake);
export const counterFileTest = townshipFileTest(counterWithIntake);
/**
 * The time for a test that sets a file's scene up first: the scene's sign-ins hash passwords with
 * scrypt and it writes its cases, then the test runs (what a set-up hook and a test had apart).
 */
export const SCENE_TIMEOUT_MS = 2 * SETUP_TIMEOUT_MS;

export const caseListFileTest = townshipFileTest(caseListScenario)
  /** The scene's database (the scene written), for the rows a test file adds or reads. */
  .extend('db', FILE, ({ harness, township: _scene }) => harness.backend.runtime.db)
  /** cases.list as the clerk (or `token`) sees it, as the letters of the scene's cases. */
  .extend('letters', ({ harness: h, township: s }) => {
    return (input: ListInput, token = s.clerk.token) => listLetters(h, s.ids, input, token);
  });

/**
 * The case list scene with the rows a test file adds to it, written once before its first test
 * and given to its tests as `added`.
 */
export function caseListWith<T>(add: (db: Kysely<Database>, scene: CaseListScene) => Promise<T>) {
  return caseListFileTest.extend('added', { ...FILE, auto: true }, ({ db, township }) =>
    add(db, township),
  );
}

type ListInput = MethodInput<'cases.list'>;

/** The rows of cases.list as the letters `ids` gives their cases, or as case numbers. */
export async function listLetters(
  h: Harness,
  ids: Readonly<Record<string, string>>,
  input: ListInput,
  token: string,
): Promise<string[]> {
  const { rows } = await h.ok('cases.list', input, token);
  return lettersOf(ids, rows);
}

/** Rows as the letters `ids` gives their cases; a case it does not name as its number. */
export function lettersOf(
  ids: Readonly<Record<string, string>>,
  rows: readonly { id: string; caseNo: string }[],
): string[] {
  const byId = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));
  return rows.map((row) => byId.get(row.id) ?? row.caseNo);
}

export type CounterScene = Awaited<ReturnType<typeof counterWithIntake>>;

type Refusal = Pick<MethodInput<'cases.intake'>, 'rejectReason' | 'redirectTo' | 'ineligible'>;

/** The counter scene with the steps its tests take again and again. */
async function counterWithIntake(h: Harness) {
  const scene = await counterScene(h);
  const { residentId, itemId, clerk } = scene;
  return {
    ...scene,
    /** The clerk takes 李阿婆's pension application in (受理) with every material. */
    takeIn: () =>
      h.ok('cases.intake', { residentId, itemId, outcome: 'complete', materials: COMPLETE }, clerk),
    /** The clerk takes in the missing materials at `positions` of a case waiting for 补正. */
    supplement: (caseId: string, ...positions: number[]) =>
      h.ok('cases.supplement', { caseId, materials: received(...positions) }, clerk),
    /** 李阿婆's pension application refused at the counter (不予受理), as the clerk fills it in. */
    notOurs: (refusal: Refusal): MethodInput<'cases.intake'> => ({
      residentId,
      itemId,
      outcome: 'not_ours',
      materials: [],
      ...refusal,
    }),
  };
}
export type CaseListScene = Awaited<ReturnType<typeof caseListScenario>>;

/**
 * The scope the plan tests list in, on an empty database: three own units and a hand-off of
 * village-1 now owned outside the tree, the scope's third part.
 */
export const PLAN_SCOPE: CaseScope = {
  orgIds: ['township', 'village-1', 'village-2'],
  userId: 'clerk',
  foreignOwners: [{ agencyOrgId: 'village-1', orgUnitId: 'county-hub' }],
};

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

/** What `userId` of `orgUnitId` may see of the cases, as the list's queries take it. */
export async function caseScope(
  db: Kysely<Database>,
  orgUnitId: string,
  userId: string,
): Promise<CaseScope> {
  const orgIds = await orgScope(db, orgUnitId);
  return { orgIds, userId, foreignOwners: await findForeignOwners(db, orgIds) };
}
