import { CASE_DOCUMENTS } from '@shared/domain/cases/papers';
import type { Db } from '../../db/queryable';

/** The printed documents of a case, each counted on its own. */
export { type CaseDocument } from '@shared/domain/cases/papers';

export async function findItemFacts(db: Db, itemId: string, versionId: string) {
  return db
    .selectFrom('service_item_versions as v')
    .innerJoin('service_items as i', 'i.id', 'v.item_id')
    .select(['i.code', 'v.department', 'v.fee_fen'])
    .where('v.id', '=', versionId)
    .where('i.id', '=', itemId)
    .executeTakeFirstOrThrow();
}

export async function findApplicant(db: Db, residentId: string) {
  return db
    .selectFrom('residents')
    .select(['doc_type', 'doc_number', 'phone', 'address'])
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
}

export async function findOrgNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The name of the unit above orgId: the township an agency case's village hands it to. */
export async function findParentName(db: Db, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('org_units as unit')
    .innerJoin('org_units as parent', 'parent.id', 'unit.parent_id')
    .select('parent.name')
    .where('unit.id', '=', orgId)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function listCaseAttachments(db: Db, caseId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'case_material_id', 'file_name', 'mime', 'size', 'sha256'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function findRating(db: Db, caseId: string) {
  return db
    .selectFrom('ratings')
    .select(['id', 'level', 'comment', 'rated_at'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** By primary key (document, object_id), one probe per document. */
export async function printCounts(db: Db, caseId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('print_counts')
    .select(['document', 'count'])
    .where('document', 'in', CASE_DOCUMENTS)
    .where('object_id', '=', caseId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.document, row.count]));
}
