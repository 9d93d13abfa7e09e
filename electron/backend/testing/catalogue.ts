import type { Role } from '@shared/api';
import type { Harness } from './harness';

/** A signed-in user of `role`, past the forced password change, for tests of role-limited methods. */
export async function staffSession(
  h: Harness,
  adminToken: string,
  username: string,
  role: Role,
  orgUnitId?: string,
): Promise<string> {
  const initialPassword = 'Staff#2026a';
  const password = 'Staff#2027b';
  await h.ok(
    'users.create',
    { username, displayName: username, role, initialPassword, ...(orgUnitId ? { orgUnitId } : {}) },
    adminToken,
  );
  const first = await h.ok('auth.signIn', { username, password: initialPassword });
  await h.ok(
    'auth.changePassword',
    { currentPassword: initialPassword, newPassword: password },
    first.token,
  );
  return first.token;
}
