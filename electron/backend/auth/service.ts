import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@shared/domain/password';
import type { Session, User } from '@shared/api';
import { appendAudit } from '../audit/service';
import { recordChange, updateSyncColumns } from '../core/changes';
import type { Actor } from '../core/context';
import { DomainError } from '../core/errors';
import { requireUser, stampOf } from '../core/guards';
import type { CallContext, Runtime } from '../core/runtime';
import { findUserForSignIn, findUserRow, findUserView, toUser } from '../users/repository';
import { afterFailure, isLocked, minutesLeft } from './lockout';
import { hashPassword, verifyPassword } from './password-hash';

// Verifying against a fixed hash for unknown usernames keeps the answer time the same as for known ones.
const TIMING_DUMMY_HASH =
  'scrypt$32768$8$1$d/+D5RVGQ+d32mWy+17Hgw==$ExkZkmw++1Xc2C1j59eg2FFIc2RW3q6YwV554jhq5uU=';

function actorOf(row: {
  id: string;
  username: string;
  role: Actor['role'];
  org_unit_id: string;
}): Actor {
  return { userId: row.id, username: row.username, role: row.role, orgUnitId: row.org_unit_id };
}

async function audit(
  rt: Runtime,
  actor: Actor,
  action: string,
  outcome: 'success' | 'failure',
  detail?: string,
  objectId?: string,
) {
  await appendAudit(rt.db, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
    action,
    objectType: 'user',
    objectId: objectId ?? actor.userId,
    outcome,
    detail: detail ?? null,
  });
}

async function userView(rt: Runtime, id: string): Promise<User> {
  const view = await findUserView(rt.db, id);
  if (!view) throw new DomainError('NOT_FOUND', '找不到该用户');
  return toUser(view, rt.stamper.nowIso());
}

/** Counts a wrong password; on the fifth the account locks. Returns the error to answer with. */
async function registerWrongPassword(
  rt: Runtime,
  row: { id: string; failed_attempts: number; locked_until: string | null },
  actor: Actor,
  action: string,
) {
  const next = afterFailure(
    { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until },
    rt.stamper.clock.now(),
  );
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
      action,
      objectType: 'user',
      objectId: row.id,
      outcome: 'failure',
      detail: '密码错误',
    });
    if (next.lockedNow) {
      await appendAudit(trx, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
        action: 'auth.lockout',
        objectType: 'user',
        objectId: row.id,
        outcome: 'success',
        detail: '连续 5 次密码错误，锁定 10 分钟',
      });
    }
  });
  if (next.lockedNow) {
    rt.sessions.endAllOf(row.id);
    return new DomainError(
      'ACCOUNT_LOCKED',
      '密码连续错误 5 次，账号已锁定 10 分钟。如需立即使用，请联系系统管理员解锁。',
    );
  }
  return null;
}

export async function signIn(
  ctx: CallContext,
  username: string,
  password: string,
): Promise<Session> {
  const { rt } = ctx;
  const row = await findUserForSignIn(rt.db, username);
  const attempted: Actor = {
    userId: row?.id ?? null,
    username: row?.username ?? username,
    role: row?.role ?? null,
    orgUnitId: row?.org_unit_id ?? null,
  };
  if (!row) {
    await verifyPassword(password, TIMING_DUMMY_HASH);
    await audit(rt, attempted, 'auth.signIn', 'failure', '用户名不存在');
    throw new DomainError('BAD_CREDENTIALS', '用户名或密码不正确');
  }
  const nowMs = rt.stamper.clock.now();
  if (
    isLocked(
      { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until },
      rt.stamper.nowIso(),
    )
  ) {
    await audit(rt, attempted, 'auth.signIn', 'failure', '账号已锁定');
    throw new DomainError(
      'ACCOUNT_LOCKED',
      `账号已锁定，请 ${minutesLeft(row.locked_until!, nowMs)} 分钟后再试，或联系系统管理员解锁。`,
    );
  }
  if (row.disabled_at) {
    await audit(rt, attempted, 'auth.signIn', 'failure', '账号已停用');
    throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员。');
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    const locked = await registerWrongPassword(rt, row, attempted, 'auth.signIn');
    throw locked ?? new DomainError('BAD_CREDENTIALS', '用户名或密码不正确');
  }
  const now = rt.stamper.nowIso();
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: now })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, now, attempted, rt.terminal?.terminalId ?? null, {
      action: 'auth.signIn',
      objectType: 'user',
      objectId: row.id,
    });
  });
  const session = rt.sessions.create(row.id);
  return {
    token: session.token,
    user: await userView(rt, row.id),
    idleLockMinutes: rt.settings.idleLockMinutes,
  };
}

export async function signOut(ctx: CallContext): Promise<void> {
  if (ctx.session) ctx.rt.sessions.end(ctx.session);
  await audit(ctx.rt, ctx.actor, 'auth.signOut', 'success');
}

export async function me(ctx: CallContext): Promise<User> {
  return userView(ctx.rt, requireUser(ctx.actor).userId);
}

export async function changePassword(
  ctx: CallContext,
  currentPassword: string,
  newPassword: string,
): Promise<User> {
  const { rt } = ctx;
  const user = requireUser(ctx.actor);
  const row = await findUserRow(rt.db, user.userId);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该用户');
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    const locked = await registerWrongPassword(rt, row, ctx.actor, 'auth.changePassword');
    throw (
      locked ??
      new DomainError('WRONG_PASSWORD', '当前密码不正确', { currentPassword: '当前密码不正确' })
    );
  }
  const problem = checkPassword(newPassword, row.username);
  if (problem) {
    throw new DomainError('WEAK_PASSWORD', PASSWORD_PROBLEM_MESSAGES[problem], {
      newPassword: PASSWORD_PROBLEM_MESSAGES[problem],
    });
  }
  if (await verifyPassword(newPassword, row.password_hash)) {
    throw new DomainError('PASSWORD_REUSED', '新密码不能与当前密码相同', {
      newPassword: '新密码不能与当前密码相同',
    });
  }
  const passwordHash = await hashPassword(newPassword);
  const stamp = stampOf(ctx);
  await rt.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: 0,
        failed_attempts: 0,
        ...updateSyncColumns(stamp),
      })
      .where('id', '=', row.id)
      .execute();
    await recordChange(trx, 'users', 'update', row.id, row.version);
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'auth.changePassword',
      objectType: 'user',
      objectId: row.id,
    });
  });
  return userView(rt, row.id);
}

export async function lock(ctx: CallContext): Promise<void> {
  if (ctx.session) ctx.rt.sessions.lock(ctx.session);
  await audit(ctx.rt, ctx.actor, 'auth.lock', 'success');
}

export async function unlock(ctx: CallContext, password: string): Promise<Session> {
  const { rt } = ctx;
  const user = requireUser(ctx.actor);
  const row = await findUserRow(rt.db, user.userId);
  if (!row || row.disabled_at || !ctx.session)
    throw new DomainError('UNAUTHENTICATED', '请重新登录');
  if (!(await verifyPassword(password, row.password_hash))) {
    const locked = await registerWrongPassword(rt, row, actorOf(row), 'auth.unlock');
    throw locked ?? new DomainError('WRONG_PASSWORD', '密码不正确', { password: '密码不正确' });
  }
  rt.sessions.unlock(ctx.session);
  await audit(rt, ctx.actor, 'auth.unlock', 'success');
  return {
    token: ctx.session,
    user: await userView(rt, row.id),
    idleLockMinutes: rt.settings.idleLockMinutes,
  };
}
