import { sql } from 'kysely';
import type { OrgLevel } from '@shared/api';
import type { Db } from '../../db/queryable';

interface OrgRow {
  id: string;
  name: string;
  level: OrgLevel;
  parent_id: string | null;
}

/** The unit and the units above it, nearest first: the escalation ladder and the county's name. */
export async function orgAncestry(db: Db, orgUnitId: string): Promise<OrgRow[]> {
  const rows = await sql<OrgRow & { depth: number }>`
    WITH RECURSIVE up(id, name, level, parent_id, depth) AS (
      SELECT id, name, level, parent_id, 0 FROM org_units WHERE id = ${orgUnitId} AND deleted_at IS NULL
      UNION ALL
      SELECT o.id, o.name, o.level, o.parent_id, up.depth + 1
      FROM org_units o JOIN up ON o.id = up.parent_id
      WHERE o.deleted_at IS NULL AND up.depth < 10
    )
    SELECT id, name, level, parent_id, depth FROM up ORDER BY depth`.execute(db);
  return rows.rows.map(({ id, name, level, parent_id }) => ({ id, name, level, parent_id }));
}

export async function orgNames(db: Db, ids: readonly string[]): Promise<Map<string, OrgRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'level', 'parent_id'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
