import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * A push that opens a conflict first looks for the ones its field already has (open to join or
 * replace, closed to know a change it met before): found by record and column.
 */
const statements = [
  `CREATE INDEX sync_conflicts_field ON sync_conflicts
     (county_code, table_name, record_id, column_name)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
