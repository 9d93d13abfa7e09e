import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function findMediationSettings(db: Db, orgUnitId: string) {
  return db
    .selectFrom('mediation_settings')
    .selectAll()
    .where('org_unit_id', '=', orgUnitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
