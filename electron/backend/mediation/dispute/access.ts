import type { Role } from '@shared/api';
import type { DisputesTable } from '../../db/schema';
import { DomainError } from '../../core/errors';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { orgScope } from '../../org/repository';
import { readerOrgIds } from './readers-repository';

export type DisputeAccess = 'owner' | 'reader' | 'oversight';

export interface Caller {
  userId: string;
  username: string;
  role: Role;
  orgUnitId: string;
  /**
   * The units whose cases the caller reads: a mediator works for one committee and sees its cases; a
   * supervisor or auditor also oversees the units below (a township its villages).
   */
  scope: string[];
}

const WRITER_ROLES: readonly Role[] = ['mediator', 'supervisor'];

export async function callerOf(ctx: CallContext): Promise<Caller> {
  const user = requireUser(ctx.actor);
  const scope =
    user.role === 'mediator' ? [user.orgUnitId] : await orgScope(ctx.rt.db, user.orgUnitId);
  return { ...user, scope };
}

/** Owner first; a unit that passed the case up reads it; a unit above oversees it. */
export function accessTo(
  caller: Caller,
  ownerOrgId: string,
  readers: readonly string[],
): DisputeAccess | null {
  if (ownerOrgId === caller.orgUnitId) return 'owner';
  if (readers.some((id) => caller.scope.includes(id))) return 'reader';
  if (caller.scope.includes(ownerOrgId)) return 'oversight';
  return null;
}

export function canWrite(caller: Caller, access: DisputeAccess | null): boolean {
  return access === 'owner' && WRITER_ROLES.includes(caller.role);
}

export interface LoadedDispute {
  caller: Caller;
  row: DisputesTable;
  access: DisputeAccess;
  readers: string[];
}

/**
 * The dispute with the caller's access to it. Reading needs any access; writing needs the owning
 * committee: the units it passed through keep reading, but the case is no longer theirs to move.
 */
export async function loadDispute(
  ctx: CallContext,
  disputeId: string,
  need: 'read' | 'write',
): Promise<LoadedDispute> {
  const caller = await callerOf(ctx);
  const row = await ctx.rt.db
    .selectFrom('disputes')
    .selectAll()
    .where('id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', '找不到该纠纷案件');
  const readers = await readerOrgIds(ctx.rt.db, row.id);
  const access = accessTo(caller, row.org_unit_id, readers);
  if (!access) throw new DomainError('FORBIDDEN', '该纠纷案件不属于本单位，无权查看');
  if (need === 'write' && !canWrite(caller, access)) {
    throw new DomainError(
      'FORBIDDEN',
      access === 'owner' ? '您的角色只能查看纠纷案件' : '该案件由其他单位承办，本单位只能查看',
    );
  }
  return { caller, row, access, readers };
}
