import type { Transaction } from 'kysely';
import type { HubAccount } from '@shared/sync/accounts-contract';
import { appendAudit } from '../audit/service';
import type { Actor } from '../core/context';
import type { Runtime } from '../core/runtime';
import type { Database, UsersTable } from '../db/schema';
import { readAccountState, type AccountField } from './accounts-state';

/** Who changes an account that arrives from the hub: no one signed in here. */
export const HUB_ACTOR: Actor = { userId: null, username: null, role: null, orgUnitId: null };

export interface AppliedAccount {
  userId: string;
  /** Its sessions here end: its password changed elsewhere, or it was disabled or removed. */
  endSessions: boolean;
}

/**
 * Applies one account of this unit as the hub has it, inside the caller's transaction. Fields
 * changed here and not yet accepted by the hub stay as they are here (the next push carries them,
 * based on the hub's new version), and what never travels stays untouched: failed attempts, the
 * lock, the last sign-in. Returns null when nothing changed.
 */
export async function applyHubAccount(
  trx: Transaction<Database>,
  rt: Runtime,
  account: HubAccount,
  orgUnitId: string,
): Promise<AppliedAccount | null> {
  const nowIso = rt.stamper.nowIso();
  const local = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', account.id)
    .executeTakeFirst();
  const state = await readAccountState(trx, account.id);
  const audit = (detail: string, outcome: 'success' | 'failure' = 'success') =>
    appendAudit(trx, nowIso, HUB_ACTOR, rt.terminal?.terminalId ?? null, {
      action: 'users.syncFromHub',
      objectType: 'user',
      objectId: account.id,
      outcome,
      detail,
    });
  const recordVersion = () =>
    trx
      .insertInto('hub_accounts')
      .values({ user_id: account.id, hub_version: account.version, pending: null, problem: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ hub_version: account.version }))
      .execute();

  if (!local) {
    if (account.deleted) return null;
    const clash = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', account.username)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (clash) {
      await audit(`${account.username}：本机已有同名的其他账号，未能加入`, 'failure');
      return null;
    }
    await trx
      .insertInto('users')
      .values({
        id: account.id,
        org_unit_id: orgUnitId,
        created_at: nowIso,
        created_by: null,
        updated_at: nowIso,
        updated_by: null,
        origin_terminal_id: rt.terminal?.terminalId ?? '',
        version: rt.stamper.nextVersion(),
        deleted_at: null,
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        password_hash: account.passwordHash,
        must_change_password: account.mustChangePassword ? 1 : 0,
        failed_attempts: 0,
        locked_until: null,
        disabled_at: account.disabled ? nowIso : null,
        last_sign_in_at: null,
      })
      .execute();
    await recordVersion();
    await audit(`${account.username}（${account.displayName}）：本单位账号加入本机`);
    return { userId: account.id, endSessions: false };
  }

  const pending = new Set<AccountField>(state?.pending ?? []);
  const set: Partial<Omit<UsersTable, 'id'>> = {};
  const said: string[] = [];
  const take = (field: AccountField, differs: boolean, apply: () => void, words: string) => {
    if (!pending.has(field) && differs) {
      apply();
      said.push(words);
    }
  };
  take(
    'username',
    local.username !== account.username,
    () => (set.username = account.username),
    `用户名改为 ${account.username}`,
  );
  take(
    'displayName',
    local.display_name !== account.displayName,
    () => (set.display_name = account.displayName),
    `姓名改为 ${account.displayName}`,
  );
  take('role', local.role !== account.role, () => (set.role = account.role), '角色变更');
  take(
    'password',
    local.password_hash !== account.passwordHash,
    () => (set.password_hash = account.passwordHash),
    '密码已更改',
  );
  take(
    'mustChangePassword',
    (local.must_change_password === 1) !== account.mustChangePassword,
    () => (set.must_change_password = account.mustChangePassword ? 1 : 0),
    account.mustChangePassword ? '须修改初始密码' : '已修改初始密码',
  );
  take(
    'disabled',
    (local.disabled_at !== null) !== account.disabled,
    () => (set.disabled_at = account.disabled ? nowIso : null),
    account.disabled ? '已停用' : '已启用',
  );
  take(
    'deleted',
    (local.deleted_at !== null) !== account.deleted,
    () => (set.deleted_at = account.deleted ? nowIso : null),
    account.deleted ? '已删除' : '已恢复',
  );
  await recordVersion();
  if (said.length === 0) return null;
  await trx.updateTable('users').set(set).where('id', '=', account.id).execute();
  await audit(`${account.username}：${said.join('、')}（本单位其他终端的修改）`);
  return {
    userId: account.id,
    endSessions:
      set.password_hash !== undefined ||
      set.disabled_at !== undefined ||
      set.deleted_at !== undefined,
  };
}
