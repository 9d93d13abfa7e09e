import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@shared/domain/password';
import { ROLE_LABELS, type Role, type User } from '@shared/api';
import { appendAudit, hasActed } from '../audit/service';
import { hashPassword } from '../auth/password-hash';
import { DomainError } from '../core/errors';
import { ensureInScope, requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced, tombstoneSynced, updateSynced } from '../core/synced-writes';
import {
  markAccountChanged,
  readEnrolment,
  recordAccountInStep,
  reserveAccount,
  syncAccountsAfterChange,
} from '../hub/service';
import { addAccountToRoster } from '../mediation/service';
import { orgScope } from '../org/repository';
import { findUserRow, findUserView, listUserViews, toUser, usernameTaken } from './repository';

function weakPassword(password: string, username: string): DomainError | null {
  const problem = checkPassword(password, username);
  if (!problem) return null;
  const message = PASSWORD_PROBLEM_MESSAGES[problem];
  return new DomainError('WEAK_PASSWORD', message, {
    initialPassword: message,
    newPassword: message,
  });
}

async function view(ctx: CallContext, id: string): Promise<User> {
  const row = await findUserView(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该用户');
  return toUser(row, ctx.rt.stamper.nowIso());
}

/** Loads a user the caller may administer: in scope, and not the caller (no self-disable or self-reset). */
async function targetUser(ctx: CallContext, userId: string, allowSelf = false) {
  const row = await findUserRow(ctx.rt.db, userId);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该用户');
  await ensureInScope(ctx, row.org_unit_id);
  if (!allowSelf && row.id === ctx.actor.userId) {
    throw new DomainError('CANNOT_CHANGE_SELF', '不能对自己的账号执行此操作，请由另一位管理员处理');
  }
  return row;
}

export async function listUsers(ctx: CallContext, includeDisabled: boolean): Promise<User[]> {
  const user = requireUser(ctx.actor);
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  const nowIso = ctx.rt.stamper.nowIso();
  return (await listUserViews(ctx.rt.db, scope, includeDisabled)).map((row) => toUser(row, nowIso));
}

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId?: string | undefined;
  initialPassword: string;
  addToRoster?: boolean | undefined;
}

export async function createUser(ctx: CallContext, input: NewUser): Promise<User> {
  const admin = requireUser(ctx.actor);
  const orgUnitId = input.orgUnitId ?? admin.orgUnitId;
  await ensureInScope(ctx, orgUnitId);
  const weak = weakPassword(input.initialPassword, input.username);
  if (weak) throw weak;
  if (await usernameTaken(ctx.rt.db, input.username)) {
    throw new DomainError('USERNAME_TAKEN', `用户名“${input.username}”已被使用`, {
      username: '该用户名已被使用',
    });
  }
  const passwordHash = await hashPassword(input.initialPassword);
  const stamp = stampOf(ctx);
  const newId = ctx.rt.stamper.newId();
  const hubVersion = await reserveAccount(ctx.rt, orgUnitId, {
    id: newId,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    passwordFormat: 'scrypt',
    mustChangePassword: true,
    disabled: false,
    deleted: false,
  });
  const userId = await ctx.rt.db.transaction().execute(async (trx) => {
    const id = await insertSynced(
      trx,
      stamp,
      'users',
      orgUnitId,
      {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: passwordHash,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        disabled_at: null,
        last_sign_in_at: null,
      },
      { id: newId },
    );
    if (hubVersion !== null) await recordAccountInStep(trx, id, hubVersion);
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'users.create',
      objectType: 'user',
      objectId: id,
      detail: `${input.username}（${input.displayName}，${ROLE_LABELS[input.role]}）`,
    });
    if (input.role === 'mediator' && input.addToRoster) {
      await addAccountToRoster(trx, stamp, {
        userId: id,
        displayName: input.displayName,
        orgUnitId,
      });
    }
    return id;
  });
  return view(ctx, userId);
}

export async function updateUser(
  ctx: CallContext,
  input: {
    userId: string;
    displayName: string;
    role: Role;
    orgUnitId: string;
    addToRoster?: boolean | undefined;
  },
): Promise<User> {
  const row = await targetUser(ctx, input.userId, true);
  const onRoster = (await findUserView(ctx.rt.db, row.id))?.on_roster;
  if (row.id === ctx.actor.userId && input.role !== row.role) {
    throw new DomainError('CANNOT_CHANGE_SELF', '不能修改自己的角色，请由另一位管理员处理');
  }
  await ensureInScope(ctx, input.orgUnitId);
  if (input.orgUnitId !== row.org_unit_id && (await readEnrolment(ctx.rt.db))) {
    throw new DomainError(
      'ACCOUNT_OTHER_UNIT',
      '本终端已加入县级平台：账号属于所在单位、在该单位各终端通用，不能改到其他单位。请在新单位的终端上为其新建账号',
      { orgUnitId: '已加入县级平台的终端不能更改账号所属单位' },
    );
  }
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'users', row, {
      display_name: input.displayName,
      role: input.role,
      org_unit_id: input.orgUnitId,
    });
    await markAccountChanged(trx, row.id, ['displayName', 'role']);
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'users.update',
      objectType: 'user',
      objectId: row.id,
      detail: `${row.username}：${ROLE_LABELS[row.role]} → ${ROLE_LABELS[input.role]}`,
    });
    if (input.role === 'mediator' && input.addToRoster && !onRoster) {
      await addAccountToRoster(trx, stamp, {
        userId: row.id,
        displayName: input.displayName,
        orgUnitId: input.orgUnitId,
      });
    }
  });
  await syncAccountsAfterChange(ctx.rt);
  return view(ctx, row.id);
}

export async function setDisabled(
  ctx: CallContext,
  userId: string,
  disabled: boolean,
): Promise<User> {
  const row = await targetUser(ctx, userId);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'users', row, {
      disabled_at: disabled ? ctx.rt.stamper.nowIso() : null,
    });
    await markAccountChanged(trx, row.id, ['disabled']);
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: disabled ? 'users.disable' : 'users.enable',
      objectType: 'user',
      objectId: row.id,
      detail: row.username,
    });
  });
  if (disabled) ctx.rt.sessions.endAllOf(row.id);
  await syncAccountsAfterChange(ctx.rt);
  return view(ctx, row.id);
}

export async function resetPassword(
  ctx: CallContext,
  userId: string,
  newPassword: string,
): Promise<User> {
  const row = await targetUser(ctx, userId);
  const weak = weakPassword(newPassword, row.username);
  if (weak) throw weak;
  const passwordHash = await hashPassword(newPassword);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'users', row, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
    });
    await markAccountChanged(trx, row.id, ['password', 'mustChangePassword']);
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'users.resetPassword',
      objectType: 'user',
      objectId: row.id,
      detail: row.username,
    });
  });
  ctx.rt.sessions.endAllOf(row.id);
  await syncAccountsAfterChange(ctx.rt);
  return view(ctx, row.id);
}

export async function unlockUser(ctx: CallContext, userId: string): Promise<User> {
  const row = await targetUser(ctx, userId);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(
      trx,
      ctx.rt.stamper.nowIso(),
      ctx.actor,
      ctx.rt.terminal?.terminalId ?? null,
      {
        action: 'users.unlock',
        objectType: 'user',
        objectId: row.id,
        detail: row.username,
      },
    );
  });
  return view(ctx, row.id);
}

/** A user who has ever acted stays forever (the audit trail names them); only a never-used account goes. */
export async function deleteUser(ctx: CallContext, userId: string): Promise<void> {
  const row = await targetUser(ctx, userId);
  if (row.last_sign_in_at || (await hasActed(ctx.rt.db, row.id))) {
    throw new DomainError('USER_HAS_ACTIVITY', '该用户已有操作记录，不能删除，只能停用');
  }
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await tombstoneSynced(trx, stamp, 'users', row);
    await markAccountChanged(trx, row.id, ['deleted']);
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'users.delete',
      objectType: 'user',
      objectId: row.id,
      detail: row.username,
    });
  });
  await syncAccountsAfterChange(ctx.rt);
}
