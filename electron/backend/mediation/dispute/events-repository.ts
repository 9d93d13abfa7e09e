import type { Db } from '../../db/queryable';

export async function eventsOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_events')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .orderBy('at')
    .orderBy('created_at')
    .execute();
}

export async function eventReportsOfDispute(db: Db, disputeId: string) {
  return db
    .selectFrom('event_reports as e')
    .innerJoin('org_units as o', 'o.id', 'e.receiving_org_id')
    .select(['e.id', 'e.title', 'e.reported_at', 'e.acknowledged_at', 'o.name as receiving_name'])
    .where('e.dispute_id', '=', disputeId)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.reported_at')
    .execute();
}

/** Print counts of a case's papers, keyed as the detail gives them: 'agreement', 'session:<id>' … */
export async function printCountsOf(db: Db, objectIds: readonly string[]) {
  if (objectIds.length === 0) return [];
  return db
    .selectFrom('print_counts')
    .select(['document', 'object_id', 'count'])
    .where('object_id', 'in', objectIds)
    .where('document', 'like', 'mediation.%')
    .execute();
}
