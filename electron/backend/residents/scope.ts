import { sql, type RawBuilder } from 'kysely';
import { DomainError } from '../core/errors';
import { requireTerminal, requireUser } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { orgScope } from '../org/repository';
import { valueList } from '../core/value-list-sql';

/**
 * Which residents a caller sees, reveals and edits.
 * - 'register': the caller's units include the terminal's unit, which owns every resident registered
 *   on it (residents/service.ts): the township's counters, supervisor and auditor see its register.
 * - 'villages': a user of a unit below the terminal's (a village agent, a village mediator) sees the
 *   residents living in its units and those its units have filed agency cases for, as the trigger-kept
 *   resident_access table lists them. The filings belong to the village, not to the agent: an agent
 *   moved to another village no longer sees the old village's filed-for residents.
 */
export type ResidentScope = { kind: 'register' } | { kind: 'villages'; units: readonly string[] };

export async function residentScope(ctx: CallContext): Promise<ResidentScope> {
  const user = requireUser(ctx.actor);
  const terminal = requireTerminal(ctx.rt);
  const units = await orgScope(ctx.rt.db, user.orgUnitId);
  return units.includes(terminal.orgUnitId) ? { kind: 'register' } : { kind: 'villages', units };
}

export type VillageScope = Extract<ResidentScope, { kind: 'villages' }>;

/**
 * `AND <rowid> is in scope` for a 'villages' scope, nothing for the whole register: one primary-key
 * probe of resident_access per candidate and unit, so a search reads the candidates its own index yields and
 * stops at its page or its count's cap, whatever the size of the village.
 */
export function withinScope(scope: ResidentScope, rowid: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.kind === 'register'
    ? sql``
    : sql`AND EXISTS (SELECT 1 FROM resident_access a
        WHERE a.resident_rowid = ${rowid} AND a.unit_id IN (${valueList(scope.units)}))`;
}

/** Whether a resident is in scope: the whole-number look-up at intake asks without refusing. */
export async function residentIsInScope(
  ctx: CallContext,
  scope: ResidentScope,
  resident: { id: string; village_org_id: string | null },
): Promise<boolean> {
  if (scope.kind === 'register') return true;
  if (resident.village_org_id !== null && scope.units.includes(resident.village_org_id))
    return true;
  const filed = await sql<{ found: number }>`SELECT 1 AS found FROM residents r
    WHERE r.id = ${resident.id} ${withinScope(scope, sql`r.rowid`)}`.execute(ctx.rt.db);
  return filed.rows.length > 0;
}

const OUT_OF_SCOPE =
  '该群众不是本村（社区）的居民，也没有由本村（社区）代办过事项，您无权查看或修改其档案';

/** Refuses a resident outside the caller's scope with RESIDENT_OUT_OF_SCOPE. */
export async function ensureResidentInScope(
  ctx: CallContext,
  scope: ResidentScope,
  resident: { id: string; village_org_id: string | null },
): Promise<void> {
  if (!(await residentIsInScope(ctx, scope, resident))) {
    throw new DomainError('RESIDENT_OUT_OF_SCOPE', OUT_OF_SCOPE);
  }
}
