import { DONGCHENG } from '@shared/testing/org-units';
import { createSignedInUser, NEW_ADMIN_PASSWORD, setUpDemoTownship, type Harness } from './harness';
import { giveIdsOfBefore } from './ids-of-before';

/**
 * 东城街道 of the demo tree (永嘉县 330324) set up standalone the old way (ids-of-before.ts), its supervisor's
 * mediation settings saved; answers the admin's and the supervisor's sessions after a restart.
 */
export async function standaloneTerminalOfBefore(h: Harness) {
  await setUpDemoTownship(h);
  const signIn = async (username: string) =>
    (await h.ok('auth.signIn', { username, password: NEW_ADMIN_PASSWORD })).token;
  const admin = await signIn('admin');
  const townshipId = (await h.ok('orgUnits.list', {}, admin)).find(
    (unit) => unit.code === DONGCHENG.divisionCode,
  )!.id;
  const supervisor = await createSignedInUser(h, admin, {
    username: 'chief',
    displayName: '陈主任',
    role: 'supervisor',
    orgUnitId: townshipId,
  });
  await h.ok(
    'mediation.updateSettings',
    { abbreviation: '东城', riskThresholds: { amountFen: 5_000_000, people: 10 } },
    supervisor.token,
  );
  const { sqlite, stamper } = h.backend.runtime;
  giveIdsOfBefore(sqlite, () => stamper.newId());
  await h.restart();
  return { admin: await signIn('admin'), supervisor: await signIn('chief') };
}
