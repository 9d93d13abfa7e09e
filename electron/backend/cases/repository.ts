import { sql, type Selectable } from 'kysely';
import { caseStateSchema, type CaseState } from '@shared/domain/cases/case-workflow';
import type { CaseEventsTable, CaseMaterialsTable, CasesTable } from '../db/schema';
import type { Db } from '../db/queryable';

export type CaseRow = Selectable<CasesTable>;
export type CaseMaterialRow = Selectable<CaseMaterialsTable>;
type CaseEventRow = Selectable<CaseEventsTable>;

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** cases_fts is keyed by the cases rowid, which only the inserted row can tell. */
export async function findCaseRowid(db: Db, id: string): Promise<number> {
  const { rowid } = await db
    .selectFrom('cases')
    .select(sql<number>`rowid`.as('rowid'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return rowid;
}

export async function listMaterials(db: Db, caseId: string): Promise<CaseMaterialRow[]> {
  return db
    .selectFrom('case_materials')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return (
    db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .orderBy('at')
      // Entries of one transaction share `at`; events are never updated, so the version is the
      // hybrid-logical-clock order in which they were written.
      .orderBy('version')
      .execute()
  );
}

/** Whether the case ever waited for 补正: the one-time notice exists from then on. */
export async function everPendingSupplement(db: Db, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('to_state', '=', 'pending_supplement')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The next number of a terminal-local daily counter, in the caller's transaction: the case insert
 * and the counter commit together, so a number is never issued twice or skipped by a rollback.
 * `onFile` is the highest number of the scope already in the database: the counter went back with a
 * restored file, while cases it numbered came back from the hub.
 */
export async function nextSequence(db: Db, scope: string, onFile = 0): Promise<number> {
  const row = await db
    .insertInto('case_sequences')
    .values({ scope, last: onFile + 1 })
    .onConflict((conflict) =>
      conflict.column('scope').doUpdateSet({ last: sql`max(last + 1, excluded.last)` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/**
 * The highest sequence among the case numbers that begin with `prefix` ('330302001-01-20261127-'),
 * tombstoned cases included: one seek at the end of the range in the unique index on case_no.
 */
export async function highestCaseSequence(db: Db, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.max('case_no').as('highest'))
    .where('case_no', '>=', prefix)
    .where('case_no', '<', `${prefix}~`)
    .executeTakeFirst();
  const highest = row?.highest;
  return highest ? Number(highest.slice(prefix.length)) || 0 : 0;
}

export async function findTerminal(db: Db, id: string) {
  return db
    .selectFrom('terminals')
    .select(['id', 'name', 'number'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function findUserNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** The state column holds only the workflow's states; anything else is a corrupt row. */
export function stateOf(row: Pick<CaseRow, 'state'>): CaseState {
  return caseStateSchema.parse(row.state);
}
