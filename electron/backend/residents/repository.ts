import { sql } from 'kysely';
import { DOCUMENT_TYPES, type DocumentType } from '@shared/domain/identity/documents';
import { withinScope, type ResidentScope } from './scope';
import type { Db } from '../db/queryable';
import { valueList } from '../core/value-list-sql';

/** What lists, the detail and the search answer are built from. */
export interface ResidentViewRow {
  rowid: number;
  id: string;
  name: string;
  doc_type: string;
  doc_number: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  address: string | null;
  village_org_id: string | null;
  village_name: string | null;
  ethnicity: string | null;
  created_at: string;
  updated_at: string;
}

/** The view's columns over `residents r LEFT JOIN org_units v`. */
export const VIEW_COLUMNS = sql`r.rowid AS rowid, r.id, r.name, r.doc_type, r.doc_number, r.gender,
  r.birth_date, r.phone, r.address, r.village_org_id, v.name AS village_name, r.ethnicity,
  r.created_at, r.updated_at`;

export const VIEW_SOURCE = sql`residents r LEFT JOIN org_units v ON v.id = r.village_org_id`;

/** The rowid the search indexes key a resident by. */
export async function residentRowid(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('residents')
    .select(sql<number>`rowid`.as('rowid'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.rowid;
}

export async function findResidentRow(db: Db, id: string) {
  return db
    .selectFrom('residents')
    .selectAll()
    .select(sql<number>`rowid`.as('rowid'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The record `id` was merged into, or `id` itself. */
export async function mergedInto(db: Db, id: string): Promise<string> {
  const alias = await db
    .selectFrom('resident_aliases')
    .select('resident_id')
    .where('alias_id', '=', id)
    .executeTakeFirst();
  return alias?.resident_id ?? id;
}

export type ResidentRow = NonNullable<Awaited<ReturnType<typeof findResidentRow>>>;

export async function findResidentView(db: Db, id: string): Promise<ResidentViewRow | undefined> {
  const result = await sql<ResidentViewRow>`SELECT ${VIEW_COLUMNS} FROM ${VIEW_SOURCE}
    WHERE r.id = ${id} AND r.deleted_at IS NULL`.execute(db);
  return result.rows[0];
}

/** One live record per document: the partial unique index residents_document answers it. */
export async function findViewByDocument(
  db: Db,
  docType: DocumentType,
  docNumber: string,
): Promise<ResidentViewRow | undefined> {
  const result = await sql<ResidentViewRow>`SELECT ${VIEW_COLUMNS} FROM ${VIEW_SOURCE}
    WHERE r.doc_type = ${docType} AND r.doc_number = ${docNumber} AND r.deleted_at IS NULL`.execute(
    db,
  );
  return result.rows[0];
}

/** Residents with this name, birth date and home village (index residents_dedupe). */
export async function findLookAlikes(
  db: Db,
  name: string,
  birthDate: string,
  villageOrgId: string | null,
) {
  return db
    .selectFrom('residents')
    .select(['id', 'doc_type', 'doc_number'])
    .where('name', '=', name)
    .where('birth_date', '=', birthDate)
    .where('village_org_id', 'is', villageOrgId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Rowids of residents whose document number or phone is exactly the one typed. */
export async function exactDocumentOrPhone(
  db: Db,
  docNumber: string,
  phone: string | null,
  scope: ResidentScope,
): Promise<number[]> {
  const inScope = withinScope(scope, sql`residents.rowid`);
  // Every document type listed, so that the (doc_type, doc_number) index answers a number alone.
  const byDocument = sql`SELECT rowid AS rid FROM residents
    WHERE doc_type IN (${valueList(DOCUMENT_TYPES)})
      AND doc_number = ${docNumber} AND deleted_at IS NULL ${inScope}`;
  const query =
    phone === null
      ? byDocument
      : sql`${byDocument} UNION SELECT rowid AS rid FROM residents
          WHERE phone = ${phone} AND deleted_at IS NULL ${inScope}`;
  const result = await sql<{ rid: number }>`SELECT rid FROM (${query}) ORDER BY rid DESC`.execute(
    db,
  );
  return result.rows.map((row) => row.rid);
}

export async function viewsByRowid(db: Db, rowids: readonly number[]): Promise<ResidentViewRow[]> {
  if (rowids.length === 0) return [];
  const list = valueList(rowids);
  const result = await sql<ResidentViewRow>`SELECT ${VIEW_COLUMNS} FROM ${VIEW_SOURCE}
    WHERE r.rowid IN (${list}) AND r.deleted_at IS NULL ORDER BY r.rowid DESC`.execute(db);
  return result.rows;
}
