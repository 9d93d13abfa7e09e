import { usernameKey, type HubAccount } from '@shared/sync/accounts-contract';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { DomainError } from '../core/errors';
import type { Runtime } from '../core/runtime';
import { pullAccounts, pushAccount } from './accounts-client';
import { HubRefusal, HubUnreachable, type HubClientOptions } from './client';
import { hubDomainError } from './errors';
import type { PendingEnrolment } from './repository';

export interface ReservedAdmin {
  id: string;
  passwordHash: string;
  hubVersion: number;
}

async function unitAccounts(hub: HubClientOptions): Promise<HubAccount[]> {
  const accounts: HubAccount[] = [];
  for (let since = 0; ;) {
    const page = await pullAccounts(hub, since);
    accounts.push(...page.accounts);
    if (!page.more) return accounts;
    since = page.cursor;
  }
}

function usernameRefused(field: string): DomainError {
  return new DomainError('USERNAME_TAKEN', field, { 'admin.username': field });
}

/**
 * The first administrator of a terminal that joined the hub. At another window of a unit that is
 * already at work, the unit's administrator types the account it has: that account is used as it
 * is, not copied. Otherwise the username is reserved in the county first. Null when the hub cannot
 * be reached just now: the administrator is created here and pushed by the next cycle.
 */
export async function reserveFirstAdmin(
  rt: Runtime,
  pending: PendingEnrolment,
  admin: { username: string; displayName: string; password: string },
): Promise<ReservedAdmin | null> {
  const token = rt.hubTokens.read();
  if (!token) return null;
  const hub = { baseUrl: pending.hubUrl, token, appVersion: rt.appVersion };
  try {
    const same = (await unitAccounts(hub)).find(
      (account) =>
        !account.deleted && usernameKey(account.username) === usernameKey(admin.username),
    );
    if (same) {
      if (same.role !== 'admin' || same.disabled) {
        throw usernameRefused(
          '该用户名是本单位的其他账号（非管理员或已停用），请使用本单位管理员的账号',
        );
      }
      if (!(await verifyPassword(admin.password, same.passwordHash))) {
        throw usernameRefused('该用户名已是本单位在县级平台上的账号；如是本人，请输入该账号的密码');
      }
      return { id: same.id, passwordHash: same.passwordHash, hubVersion: same.version };
    }
    const id = rt.stamper.newId();
    const passwordHash = await hashPassword(admin.password);
    const accepted = await pushAccount(hub, {
      account: {
        id,
        username: admin.username,
        displayName: admin.displayName,
        role: 'admin',
        passwordHash,
        passwordFormat: 'scrypt',
        mustChangePassword: false,
        disabled: false,
        deleted: false,
      },
      baseVersion: 0,
    });
    return { id, passwordHash, hubVersion: accepted.version };
  } catch (error) {
    if (error instanceof HubUnreachable) return null;
    if (error instanceof HubRefusal && error.code === 'ACCOUNT_USERNAME_TAKEN') {
      throw usernameRefused('该用户名在全县已被使用，请换一个用户名');
    }
    throw hubDomainError(error);
  }
}
