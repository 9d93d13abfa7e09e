import type { OpenBench } from './open-bench';

const USERNAME = 'bench_agent';
const INITIAL = 'Bench#Agent2026';

/**
 * A village agent of the village with the most residents, created on first use (a write to the
 * generated folder, like the intake measure's), signed in past the forced password change.
 */
export async function villageAgent(bench: OpenBench): Promise<string> {
  const { call, tokens, manifest, backend } = bench;
  const db = backend.runtime.db;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', USERNAME)
    .executeTakeFirst();
  if (!existing) {
    const village = await db
      .selectFrom('residents')
      .select('village_org_id')
      .where('village_org_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .groupBy('village_org_id')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .executeTakeFirstOrThrow();
    await call(
      'users.create',
      {
        username: USERNAME,
        displayName: '基准代办员',
        role: 'agent',
        orgUnitId: village.village_org_id!,
        initialPassword: INITIAL,
      },
      tokens.admin,
    );
    const first = await call('auth.signIn', { username: USERNAME, password: INITIAL }, '');
    await call(
      'auth.changePassword',
      { currentPassword: INITIAL, newPassword: manifest.password },
      first.token,
    );
  }
  return (await call('auth.signIn', { username: USERNAME, password: manifest.password }, '')).token;
}
