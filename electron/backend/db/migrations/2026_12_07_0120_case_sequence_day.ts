import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the epoch marker (issue 15) copies the number counters still in use out of the database
 * before each push. A case counter's scope ends with its day (case:<unit>:<terminal>:YYYYMMDD), and
 * after ten years the table holds tens of thousands of them: this index finds the last days' few.
 */
const statements = [`CREATE INDEX case_sequences_day ON case_sequences(substr(scope, -8))`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
