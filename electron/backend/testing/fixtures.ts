import { test as base } from 'vitest';
import { CLERK } from '@shared/testing/people';
import { createHarness, createSignedInUser, setUpTownship, type Harness } from './harness';
import { setUpDemoTownship } from './township';

/**
 * The set-up every backend test file needs, as vitest fixtures: a test names what it wants and
 * gets it ready, and it is cleaned up after.
 * - `harness`: a real backend on a real SQLite file in a fresh temp folder, before the wizard.
 * - `township`: the wizard run and the administrator signed in (`admin`), past his password change.
 * - `clerk`: the counter clerk 王芳, created by the administrator and signed in.
 * Nothing is set up that the test does not name, directly or through another fixture.
 *
 * `test` sets them up for each test; `fileTest` once for the file, whose tests then share its data
 * (and see what earlier tests wrote). `demoTest` does the same with 东城街道 of the demo tree,
 * whose villages exist, instead of 五马街道; `townshipTest` and `townshipFileTest` with the township
 * a test file sets up itself (its own scene, as long as it gives the administrator's session).
 */

/** The fixture functions take their dependencies from a destructuring pattern, even an empty one. */
// eslint-disable-next-line no-empty-pattern
async function freshHarness({}: object, { onCleanup }: Cleanup): Promise<Harness> {
  const harness = await createHarness();
  onCleanup(() => harness.cleanup());
  return harness;
}

async function wumaTownship(harness: Harness) {
  const { setup, token } = await setUpTownship(harness);
  return { admin: token, setup };
}

async function counterClerk({ harness, township }: { harness: Harness; township: Signed }) {
  return (await createSignedInUser(harness, township.admin, CLERK)).token;
}

interface Cleanup {
  onCleanup: (cleanup: () => Promise<void>) => void;
}

/** What every township fixture gives: the administrator's session. */
interface Signed {
  admin: string;
}

/** The options of a fixture set up once for the test file. */
export const FILE = { scope: 'file' } as const;

/** Fixtures set up for each test, with the township `setUp` makes of a fresh terminal. */
export function townshipTest<T extends Signed>(setUp: (harness: Harness) => Promise<T>) {
  return base
    .extend('harness', freshHarness)
    .extend('township', ({ harness }) => setUp(harness))
    .extend('clerk', counterClerk);
}

/** The same, set up once for the file. */
export function townshipFileTest<T extends Signed>(setUp: (harness: Harness) => Promise<T>) {
  return base
    .extend('harness', FILE, freshHarness)
    .extend('township', FILE, ({ harness }) => setUp(harness))
    .extend('clerk', FILE, counterClerk);
}

export const test = townshipTest(wumaTownship);
export const fileTest = townshipFileTest(wumaTownship);
export const demoTest = townshipTest(setUpDemoTownship);

/** 王芳 as the administrator created her, before she signs in and changes her initial password. */
export const NEW_CLERK = { ...CLERK, initialPassword: 'Clerk#2026' };
