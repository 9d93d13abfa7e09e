import { sql, type RawBuilder } from 'kysely';
import { valueList } from '../../core/value-list-sql';
import type { Db } from '../../db/queryable';

/** Which cases a list may show the caller, as SQL terms the case indexes answer. */

/** An agency case of a village in scope that a unit outside the caller's tree now owns. */
interface ForeignOwner {
  agencyOrgId: string;
  orgUnitId: string;
}

/**
 * Who may see a case: their org units, their own agency cases, and hand-offs from their villages.
 * `foreignOwners` (from findForeignOwners) lists where hand-offs left the tree, usually nowhere.
 */
export interface CaseScope {
  orgIds: readonly string[];
  userId: string;
  foreignOwners: readonly ForeignOwner[];
}

/**
 * The scope as disjoint parts, each answered by its own index: the cases of the caller's units; the
 * caller's own agency cases owned elsewhere; the hand-offs of villages in scope owned elsewhere.
 * One OR over the three would make SQLite collect every case in scope before sorting a page.
 * `residual`: the unary + keeps SQLite from using the parts' indexes, for queries that start from
 * a narrower index (a search, a resident's cases) and only check the scope on each row.
 */
export function scopeParts(scope: CaseScope, residual = false): RawBuilder<unknown>[] {
  const plus = sql.raw(residual ? '+' : '');
  const orgIds = valueList(scope.orgIds);
  return [
    sql`${plus}c.org_unit_id IN (${orgIds})`,
    sql`${plus}c.agent_user_id = ${scope.userId} AND ${plus}c.org_unit_id NOT IN (${orgIds})`,
    ...scope.foreignOwners.map(
      (owner) => sql`${plus}c.agency_org_id = ${owner.agencyOrgId}
        AND ${plus}c.org_unit_id = ${owner.orgUnitId}
        AND (c.agent_user_id IS NULL OR c.agent_user_id <> ${scope.userId})`,
    ),
  ];
}

export function scopeCondition(scope: CaseScope, residual = false): RawBuilder<unknown> {
  return sql`(${sql.join(
    scopeParts(scope, residual).map((part) => sql`(${part})`),
    sql` OR `,
  )})`;
}

/**
 * Agency cases of the villages in scope whose owner is outside the scope: a loose index scan on
 * cases_agency_owner, one seek per distinct owner of each village, instead of reading its cases.
 */
export async function findForeignOwners(
  db: Db,
  orgIds: readonly string[],
): Promise<ForeignOwner[]> {
  const ids = JSON.stringify(orgIds);
  const result = await sql<ForeignOwner>`WITH RECURSIVE owners(v, o) AS (
      SELECT s.value, (SELECT min(k.org_unit_id) FROM cases k WHERE k.agency_org_id = s.value)
        FROM json_each(${ids}) s
      UNION ALL
      SELECT v, (SELECT min(k.org_unit_id) FROM cases k
          WHERE k.agency_org_id = owners.v AND k.org_unit_id > owners.o)
        FROM owners WHERE o IS NOT NULL
    )
    SELECT v AS agencyOrgId, o AS orgUnitId FROM owners
    WHERE o IS NOT NULL AND o NOT IN (SELECT value FROM json_each(${ids}))`.execute(db);
  return result.rows;
}
