import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@shared/domain/password';
import type { Session, User } from '@shared/api';
import type { Transaction } from 'kysely';
import { appendAudit, type AuditInput } from '../audit/service';
import type { Actor } from '../core/context';
import { DomainError } from '../core/errors';
import { requireUser, stampOf } from '../core/guards';
import type { CallContext, Runtime } from '../core/runtime';
import { updateSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import { findUserForSignIn, findUserRow, findUserView, toUser } from '../users/repository';
import { markAccountChanged, syncAccountsAfterChange } from '../hub/service';
import { isLocked, lockedUntilFrom } from './lockout';
import { hashPassword, verifyPassword } from './password-hash';
import { countFailedAttempt, recordSignIn } from './repository';

/**
 * Unknown usernames are verified against this fixed hash (same parameters as a real one), so that
 * every sign-in costs one scrypt whatever the account.
 */
const TIMING_DUMMY_HASH =
  'scrypt$32768$8$1$d/+D5RVGQ+d32mWy+17Hgw==$ExkZkmw++1Xc2C1j59eg2FFIc2RW3q6YwV554jhq5uU=';

/**
 * The one answer to every refused sign-in: a different answer for a locked, disabled or unknown
 * account would tell a guesser which usernames exist and when to come back.
 */
const SIGN_IN_REFUSED_MESSAGE =
  '用户名或密码不正确，或账号已锁定、已停用。连续输错 5 次密码会锁定 10 分钟，需要时请联系系统管理员。';

const LOCKED_NOW_MESSAGE =
  '密码连续错误 5 次，账号已锁定 10 分钟。如需立即使用，请联系系统管理员解锁。';

function signInRefused(): DomainError {
  return new DomainError('BAD_CREDENTIALS', SIGN_IN_REFUSED_MESSAGE);
}

function actorOf(row: {
  id: string;
  username: string;
  role: Actor['role'];
  org_unit_id: string;
}): Actor {
  return { userId: row.id, username: row.username, role: row.role, orgUnitId: row.org_unit_id };
}

function auditIn(
  trx: Transaction<Database>,
  rt: Runtime,
  actor: Actor,
  input: AuditInput,
): Promise<void> {
  return appendAudit(trx, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
    objectType: 'user',
    objectId: actor.userId,
    ...input,
  });
}

/** An entry that records nothing but itself (a refusal, a sign-out) is its own transaction. */
function auditAlone(rt: Runtime, actor: Actor, input: AuditInput): Promise<void> {
  return rt.db.transaction().execute((trx) => auditIn(trx, rt, actor, input));
}

async function userView(rt: Runtime, id: string): Promise<User> {
  const view = await findUserView(rt.db, id);
  if (!view) throw new DomainError('NOT_FOUND', '找不到该用户');
  return toUser(view, rt.stamper.nowIso());
}

/**
 * Counts a wrong password, with its audit entries, in one transaction; on the fifth the account
 * locks and every session of it ends. Returns whether it locked now.
 */
async function registerWrongPassword(
  rt: Runtime,
  userId: string,
  actor: Actor,
  action: string,
): Promise<boolean> {
  const lockedNow = await rt.db.transaction().execute(async (trx) => {
    const locked = await countFailedAttempt(trx, userId, lockedUntilFrom(rt.stamper.clock.now()));
    await auditIn(trx, rt, actor, {
      action,
      objectId: userId,
      outcome: 'failure',
      detail: '密码错误',
    });
    if (locked) {
      await auditIn(trx, rt, actor, {
        action: 'auth.lockout',
        objectId: userId,
        detail: '连续 5 次密码错误，锁定 10 分钟',
      });
    }
    return locked;
  });
  if (lockedNow) rt.sessions.endAllOf(userId);
  return lockedNow;
}

type SignInDecision = { ok: true; userId: string } | { ok: false; lockedNow: string | null };

export async function signIn(
  ctx: CallContext,
  username: string,
  password: string,
): Promise<Session> {
  const { rt } = ctx;
  const found = await findUserForSignIn(rt.db, username);
  const matches = await verifyPassword(password, found?.password_hash ?? TIMING_DUMMY_HASH);
  // The hash took a while: the account is read again, inside the transaction that decides, so that
  // a lock set meanwhile by parallel guesses holds against this attempt too.
  const decision = await rt.db.transaction().execute(async (trx): Promise<SignInDecision> => {
    const row = found ? await findUserRow(trx, found.id) : undefined;
    const actor: Actor = row
      ? actorOf(row)
      : { userId: null, username, role: null, orgUnitId: null };
    const refuse = async (detail: string): Promise<SignInDecision> => {
      await auditIn(trx, rt, actor, { action: 'auth.signIn', outcome: 'failure', detail });
      return { ok: false, lockedNow: null };
    };
    if (!row) return refuse('用户名不存在');
    if (row.disabled_at) return refuse('账号已停用');
    if (isLocked(row.locked_until, rt.stamper.nowIso())) return refuse('账号已锁定');
    if (!matches || row.password_hash !== found!.password_hash) {
      const lockedNow = await countFailedAttempt(
        trx,
        row.id,
        lockedUntilFrom(rt.stamper.clock.now()),
      );
      await auditIn(trx, rt, actor, {
        action: 'auth.signIn',
        outcome: 'failure',
        detail: '密码错误',
      });
      if (lockedNow) {
        await auditIn(trx, rt, actor, {
          action: 'auth.lockout',
          detail: '连续 5 次密码错误，锁定 10 分钟',
        });
      }
      return { ok: false, lockedNow: lockedNow ? row.id : null };
    }
    await recordSignIn(trx, row.id, rt.stamper.nowIso());
    await auditIn(trx, rt, actor, { action: 'auth.signIn' });
    return { ok: true, userId: row.id };
  });
  if (!decision.ok) {
    if (decision.lockedNow) rt.sessions.endAllOf(decision.lockedNow);
    throw signInRefused();
  }
  const session = rt.sessions.create(decision.userId);
  return {
    token: session.token,
    user: await userView(rt, decision.userId),
    idleLockMinutes: rt.settings.idleLockMinutes,
  };
}

export async function signOut(ctx: CallContext): Promise<void> {
  if (ctx.session) ctx.rt.sessions.end(ctx.session);
  await auditAlone(ctx.rt, ctx.actor, { action: 'auth.signOut' });
}

export async function me(ctx: CallContext): Promise<User> {
  return userView(ctx.rt, requireUser(ctx.actor).userId);
}

/** Signed in already, the caller may know that its account is locked; a lock set meanwhile holds. */
async function refuseIfLocked(rt: Runtime, userId: string): Promise<void> {
  const row = await findUserRow(rt.db, userId);
  if (!row || row.disabled_at)
    throw new DomainError('UNAUTHENTICATED', '账号状态已变化，请重新登录');
  if (isLocked(row.locked_until, rt.stamper.nowIso())) {
    rt.sessions.endAllOf(userId);
    throw new DomainError('ACCOUNT_LOCKED', LOCKED_NOW_MESSAGE);
  }
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
    if (await registerWrongPassword(rt, row.id, ctx.actor, 'auth.changePassword'))
      throw new DomainError('ACCOUNT_LOCKED', LOCKED_NOW_MESSAGE);
    throw new DomainError('WRONG_PASSWORD', '当前密码不正确', {
      currentPassword: '当前密码不正确',
    });
  }
  await refuseIfLocked(rt, row.id);
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
    await updateSynced(trx, stamp, 'users', row, {
      password_hash: passwordHash,
      must_change_password: 0,
      failed_attempts: 0,
    });
    await markAccountChanged(trx, row.id, ['password', 'mustChangePassword']);
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'auth.changePassword',
      objectType: 'user',
      objectId: row.id,
    });
  });
  // Whoever knew the old password keeps no session elsewhere; this window stays signed in.
  rt.sessions.endAllOf(row.id, ctx.session ?? undefined);
  await syncAccountsAfterChange(rt);
  return userView(rt, row.id);
}

export async function lock(ctx: CallContext): Promise<void> {
  if (ctx.session) ctx.rt.sessions.lock(ctx.session);
  await auditAlone(ctx.rt, ctx.actor, { action: 'auth.lock' });
}

export async function unlock(ctx: CallContext, password: string): Promise<Session> {
  const { rt } = ctx;
  const user = requireUser(ctx.actor);
  const row = await findUserRow(rt.db, user.userId);
  if (!row || row.disabled_at || !ctx.session)
    throw new DomainError('UNAUTHENTICATED', '请重新登录');
  if (!(await verifyPassword(password, row.password_hash))) {
    if (await registerWrongPassword(rt, row.id, actorOf(row), 'auth.unlock'))
      throw new DomainError('ACCOUNT_LOCKED', LOCKED_NOW_MESSAGE);
    throw new DomainError('WRONG_PASSWORD', '密码不正确', { password: '密码不正确' });
  }
  await refuseIfLocked(rt, row.id);
  rt.sessions.unlock(ctx.session);
  await auditAlone(rt, ctx.actor, { action: 'auth.unlock' });
  return {
    token: ctx.session,
    user: await userView(rt, row.id),
    idleLockMinutes: rt.settings.idleLockMinutes,
  };
}
