import { sql, type RawBuilder } from 'kysely';
import { DomainError } from '../core/errors';
import { requireTerminal, requireUser } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { orgScope } from '../org/repository';

/**
 * Which residents a caller sees, reveals and edits.
 * - 'register': the caller's units include the terminal's unit, which owns every resident registered
 *   on it (residents/service.ts): the township's counters, supervisor and auditor see its register.
 * - 'villages': a user of a unit below the terminal's (a village agent, a village mediator) sees the
 *   residents living in its units and those its units have filed agency cases for.
 */
export type ResidentScope =
  { kind: 'register' } | { kind: 'villages'; units: readonly string[]; userId: string };

export async function residentScope(ctx: CallContext): Promise<ResidentScope> {
  const user = requireUser(ctx.actor);
  const terminal = requireTerminal(ctx.rt);
  const units = await orgScope(ctx.rt.db, user.orgUnitId);
  return units.includes(terminal.orgUnitId)
    ? { kind: 'register' }
    : { kind: 'villages', units, userId: user.userId };
}

const listOf = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`));

/**
 * The rowids of a 'villages' scope, as one subquery that SQLite runs once per statement: the
 * village's residents read from residents_village alone (the rowid is in the index; a tombstoned
 * one is dropped by the outer query's own deleted_at test), the filed-for ones on
 * cases_agency_owner and cases_agent, each case's resident by primary key. UNION ALL: IN builds its
 * own index of the rowids, so sorting out duplicates first would only cost.
 */
function villageRowids(scope: Extract<ResidentScope, { kind: 'villages' }>): RawBuilder<unknown> {
  const units = listOf(scope.units);
  return sql`SELECT rowid FROM residents WHERE village_org_id IN (${units})
    UNION ALL SELECT fr.rowid FROM cases fc JOIN residents fr ON fr.id = fc.resident_id
      WHERE fc.agency_org_id IN (${units}) AND fc.deleted_at IS NULL
    UNION ALL SELECT fr.rowid FROM cases fc JOIN residents fr ON fr.id = fc.resident_id
      WHERE fc.agent_user_id = ${scope.userId} AND fc.deleted_at IS NULL`;
}

/** `AND <rowid> IN (…)` for a 'villages' scope; nothing for the whole register. */
export function withinScope(scope: ResidentScope, rowid: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.kind === 'register' ? sql`` : sql`AND ${rowid} IN (${villageRowids(scope)})`;
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
  // Filed for by the caller's units or the caller, on cases_resident.
  const filed = await sql<{ found: number }>`SELECT 1 AS found FROM cases
    WHERE resident_id = ${resident.id} AND deleted_at IS NULL
      AND (agency_org_id IN (${listOf(scope.units)}) OR agent_user_id = ${scope.userId})
    LIMIT 1`.execute(ctx.rt.db);
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
