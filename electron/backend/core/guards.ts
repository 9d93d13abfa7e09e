import type { Actor, TerminalIdentity } from './context';
import type { CallContext, Runtime } from './runtime';
import { DomainError } from './errors';
import { orgScope } from '../org/repository';
import type { ChangeStamp } from './changes';

export function requireTerminal(rt: Pick<Runtime, 'terminal'>): TerminalIdentity {
  if (!rt.terminal) throw new DomainError('SETUP_REQUIRED', '本终端尚未完成初始设置');
  return rt.terminal;
}

export function requireUser(actor: Actor): Required<{ [K in keyof Actor]: NonNullable<Actor[K]> }> {
  if (!actor.userId || !actor.username || !actor.role || !actor.orgUnitId) {
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
  return {
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    orgUnitId: actor.orgUnitId,
  };
}

export function stampOf(ctx: CallContext): ChangeStamp {
  return { stamper: ctx.rt.stamper, terminal: requireTerminal(ctx.rt), actor: ctx.actor };
}

/** A caller acts on its own org unit and the units below it, never beside or above. */
export async function ensureInScope(ctx: CallContext, orgUnitId: string): Promise<void> {
  const user = requireUser(ctx.actor);
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  if (!scope.includes(orgUnitId)) throw new DomainError('FORBIDDEN', '该单位不在您的管理范围内');
}
