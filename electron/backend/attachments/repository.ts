import type { Db } from '../db/queryable';

export async function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The same content already linked to this material: uploading it again adds nothing. */
export async function findOnMaterial(
  db: Db,
  caseId: string,
  caseMaterialId: string,
  sha256: string,
) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('case_material_id', '=', caseMaterialId)
    .where('sha256', '=', sha256)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findCaseMaterial(db: Db, caseId: string, caseMaterialId: string) {
  return db
    .selectFrom('case_materials')
    .select(['id', 'name'])
    .where('id', '=', caseMaterialId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
