import type { Db } from '../../db/queryable';

export async function readerOrgIds(db: Db, disputeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dispute_readers')
    .select('reader_org_id')
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.reader_org_id);
}

/** Reader units of many disputes at once, for a page of a list. */
export async function readersOf(db: Db, disputeIds: readonly string[]) {
  const map = new Map<string, string[]>();
  if (disputeIds.length === 0) return map;
  const rows = await db
    .selectFrom('dispute_readers')
    .select(['dispute_id', 'reader_org_id'])
    .where('dispute_id', 'in', disputeIds)
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of rows)
    map.set(row.dispute_id, [...(map.get(row.dispute_id) ?? []), row.reader_org_id]);
  return map;
}
