import type { Db } from '../../db/queryable';

export async function findMediationSettings(db: Db, orgUnitId: string) {
  return db
    .selectFrom('mediation_settings')
    .selectAll()
    .where('org_unit_id', '=', orgUnitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
