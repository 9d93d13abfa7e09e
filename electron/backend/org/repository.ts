import { sql } from 'kysely';
import type { OrgUnit } from '@shared/api';
import type { Db } from '../db/queryable';

export async function findOrgUnit(db: Db, id: string) {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The unit and every unit below it: a township administers its villages. */
export async function orgScope(db: Db, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE scope(id) AS (
      SELECT id FROM org_units WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM org_units o JOIN scope s ON o.parent_id = s.id WHERE o.deleted_at IS NULL
    )
    SELECT id FROM scope`.execute(db);
  return rows.rows.map((row) => row.id);
}

export async function listOrgUnits(db: Db, ids: readonly string[]): Promise<OrgUnit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'level', 'parent_id'])
    .where('id', 'in', ids)
    .orderBy('code')
    .execute();
  return rows.map(toOrgUnit);
}

export function toOrgUnit(row: {
  id: string;
  code: string;
  name: string;
  level: OrgUnit['level'];
  parent_id: string | null;
}): OrgUnit {
  return { id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id };
}
