import { checkCharacter } from '@shared/domain/identity/resident-id';
import { ADMIN_PASSWORD, NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';

/** A valid GB 11643 number from its first 17 digits. */
export function residentId(first17: string): string {
  return first17 + checkCharacter(first17);
}

/**
 * 岩头镇 of the demo tree (永嘉县), so that the township has villages; returns an admin session and the
 * ids of org units by division code.
 */
export async function setUpYantou(h: Harness) {
  await h.ok('setup.initialize', {
    level: 'township',
    divisionCode: '330324108',
    orgName: '岩头镇便民服务中心',
    terminalName: '一号窗口',
    terminalNumber: '01',
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
    loadDemoOrgTree: true,
  });
  const first = await h.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  await h.ok(
    'auth.changePassword',
    { currentPassword: ADMIN_PASSWORD, newPassword: NEW_ADMIN_PASSWORD },
    first.token,
  );
  const units = await h.backend.runtime.db.selectFrom('org_units').select(['id', 'code']).execute();
  const ids = new Map(units.map((unit) => [unit.code, unit.id]));
  const org = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`no org unit ${code}`);
    return id;
  };
  return { token: first.token, org };
}
