import type { Db } from '../../db/queryable';

export async function sessionsOf(db: Db, disputeId: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .orderBy('number')
    .execute();
}

export async function findSession(db: Db, sessionId: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function extensionsOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_extensions')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export type ExtensionRow = Awaited<ReturnType<typeof extensionsOf>>[number];
