import { sql } from 'kysely';
import { caseFtsValues } from '../cases/service';
import { disputeFtsValues } from '../mediation/service';
import { residentFtsValues } from '../residents/search-index';
import type { Db } from '../db/queryable';

interface FtsRow {
  rowid: number;
  values: (string | null)[];
}

/**
 * One contentless FTS5 index and how to read what it should hold from its table, rowid by rowid,
 * through the same mapping the services index a row with.
 */
export interface FtsIndex {
  key: 'residents' | 'cases' | 'disputes';
  table: 'residents_fts' | 'cases_fts' | 'disputes_fts';
  columns: readonly string[];
  readAfter(db: Db, afterRowid: number, limit: number): Promise<FtsRow[]>;
}

export const FTS_INDEXES: readonly FtsIndex[] = [
  {
    key: 'residents',
    table: 'residents_fts',
    columns: ['name', 'doc_number', 'phone', 'address'],
    async readAfter(db, afterRowid, limit) {
      const rows = await sql<{
        rowid: number;
        name: string;
        doc_number: string;
        phone: string | null;
        address: string | null;
      }>`SELECT rowid, name, doc_number, phone, address FROM residents
        WHERE rowid > ${afterRowid} AND deleted_at IS NULL ORDER BY rowid LIMIT ${limit}`.execute(
        db,
      );
      return rows.rows.map((row) => ({ rowid: row.rowid, values: residentFtsValues(row) }));
    },
  },
  {
    key: 'cases',
    table: 'cases_fts',
    columns: ['case_no', 'applicant_name', 'item_name'],
    async readAfter(db, afterRowid, limit) {
      const rows = await sql<{
        rowid: number;
        case_no: string;
        applicant_name: string;
        item_name: string;
      }>`SELECT rowid, case_no, applicant_name, item_name FROM cases
        WHERE rowid > ${afterRowid} AND deleted_at IS NULL ORDER BY rowid LIMIT ${limit}`.execute(
        db,
      );
      return rows.rows.map((row) => ({
        rowid: row.rowid,
        values: caseFtsValues({
          rowid: row.rowid,
          caseNo: row.case_no,
          applicantName: row.applicant_name,
          itemName: row.item_name,
        }),
      }));
    },
  },
  {
    key: 'disputes',
    table: 'disputes_fts',
    columns: ['case_no', 'party_names'],
    async readAfter(db, afterRowid, limit) {
      const rows = await sql<{ rowid: number; case_no: string; party_names: string }>`
        SELECT rowid, case_no, party_names FROM disputes
        WHERE rowid > ${afterRowid} AND deleted_at IS NULL ORDER BY rowid LIMIT ${limit}`.execute(
        db,
      );
      return rows.rows.map((row) => ({
        rowid: row.rowid,
        values: disputeFtsValues({
          rowid: row.rowid,
          caseNo: row.case_no,
          partyNames: row.party_names,
        }),
      }));
    },
  },
];

const shadowName = (index: FtsIndex) => `${index.table}_rebuild`;

/**
 * An empty index beside the live one, made from the live one's own CREATE statement so that the two
 * cannot differ in columns or tokenizer. SQLite quotes the name in the statement once a rebuilt index
 * has been renamed into place. A shadow left by a rebuild that stopped half-way goes first.
 */
export async function createShadow(db: Db, index: FtsIndex): Promise<void> {
  const live = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema
    WHERE type = 'table' AND name = ${index.table}`.execute(db);
  const definition = live.rows[0]?.sql ?? '';
  const parsed = /^CREATE VIRTUAL TABLE\s+(["`[]?)(\w+)["`\]]?\s+(USING\s+fts5\s*\(.*\))$/is.exec(
    definition,
  );
  if (!parsed || parsed[2] !== index.table) {
    throw new Error(`${index.table} is not the virtual table the migrations made: ${definition}`);
  }
  await sql`DROP TABLE IF EXISTS ${sql.table(shadowName(index))}`.execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE ${shadowName(index)} ${parsed[3]}`).execute(db);
}

export async function insertIntoShadow(db: Db, index: FtsIndex, rows: FtsRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(['rowid', ...index.columns].map((column) => sql.ref(column)));
  const values = sql.join(rows.map((row) => sql`(${sql.join([row.rowid, ...row.values])})`));
  await sql`INSERT INTO ${sql.table(shadowName(index))} (${columns}) VALUES ${values}`.execute(db);
}

/** Run in one transaction: the damaged index is dropped and the rebuilt one takes its name. */
export async function swapInShadow(db: Db, index: FtsIndex): Promise<void> {
  await sql`DROP TABLE ${sql.table(index.table)}`.execute(db);
  await sql.raw(`ALTER TABLE ${shadowName(index)} RENAME TO ${index.table}`).execute(db);
}

export async function dropShadow(db: Db, index: FtsIndex): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${sql.table(shadowName(index))}`.execute(db);
}
