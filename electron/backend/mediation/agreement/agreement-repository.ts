import type { Db } from '../../db/queryable';

export async function agreementOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_agreements')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function followUpsOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_follow_ups')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .orderBy('due_on')
    .orderBy('created_at')
    .execute();
}

export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

export async function findFollowUp(db: Db, followUpId: string) {
  return db
    .selectFrom('dispute_follow_ups')
    .selectAll()
    .where('id', '=', followUpId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Open visits of a unit due on or before `until`, soonest first (the 工作台). */
export async function followUpsDueBy(db: Db, orgUnitId: string, until: string) {
  return db
    .selectFrom('dispute_follow_ups')
    .selectAll()
    .where('org_unit_id', '=', orgUnitId)
    .where('state', '=', 'due')
    .where('due_on', '<=', until)
    .where('deleted_at', 'is', null)
    .orderBy('due_on')
    .limit(200)
    .execute();
}
