import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a case search by pinyin initials reads the residents with those initials and their cases,
 * and a walk down the case list tests each case's resident. Both read residents' rows only for the id
 * or the initials: at 300 000 residents those were thousands of scattered row reads per search. With
 * both columns in an index, either way round, they read index entries alone.
 */
const statements = [
  `CREATE INDEX residents_live_initials_id ON residents(initials, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX residents_live_id_initials ON residents(id, initials) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
