import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { TERMINAL_STATES, type CaseState } from '@shared/domain/cases/case-workflow';
import type { Database } from '../db/schema';
import type { CaseSearch } from './queries-search';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The case lists as SQL: every filter, the sort and the paging run in SQLite on the case indexes
 * (applications, case_worklists and case_list_indexes migrations), so that a page costs about the
 * same at ten years of cases as on the first day. queries-plan.test.ts holds them to that.
 */

/** An agency case of a village in scope that a unit outside the caller's tree now owns. */
export interface ForeignOwner {
  agencyOrgId: string;
  orgUnitId: string;
}

/**
 * Who may see a case: their org units, their own agency cases, and hand-offs from their villages.
 * `foreignOwners` (from findForeignOwners) lists where hand-offs left the tree, usually nowhere.
 */
export interface CaseScope {
  orgIds: readonly string[];
  userId: string;
  foreignOwners: readonly ForeignOwner[];
}

export interface CaseFilter {
  search: CaseSearch;
  states: readonly CaseState[];
  itemId?: string | undefined;
  /** UTC instants of the Asia/Shanghai day bounds of the created date: [from, to). */
  createdFromIso?: string | undefined;
  createdToIso?: string | undefined;
  agentUserId?: string | undefined;
  channel?: 'counter' | 'agency' | undefined;
  /** Set to today (Asia/Shanghai) for "overdue only". */
  overdueOn?: string | undefined;
}

export interface CaseSort {
  by: 'createdAt' | 'dueDate' | 'caseNo';
  dir: 'asc' | 'desc';
}

/** The states in which the promised-days clock runs; 补正 after acceptance stops it. */
export const CLOCK_RUNNING_STATES = ['accepted', 'processing'] as const;

export interface CaseSummaryRow {
  id: string;
  case_no: string;
  state: CaseState;
  item_name: string;
  item_type: 'instant' | 'promised';
  applicant_name: string;
  resident_id: string;
  channel: 'counter' | 'agency';
  agency_org_name: string | null;
  created_at: string;
  accepted_date: string | null;
  due_date: string | null;
  completed_date: string | null;
  paused_since: string | null;
  handoff_due_date: string | null;
  handed_over_at: string | null;
  agent_name: string | null;
}

export interface CaseExportRow extends CaseSummaryRow {
  doc_type: string | null;
  doc_number: string | null;
}

export const SUMMARY_COLUMNS = sql`c.id, c.case_no, c.state, c.item_name, c.item_type,
  c.applicant_name, c.resident_id, c.channel, ao.name AS agency_org_name, c.created_at,
  c.accepted_date, c.due_date, c.completed_date, c.paused_since, c.handoff_due_date,
  c.handed_over_at,
  (SELECT u.display_name FROM users u WHERE u.id = c.agent_user_id) AS agent_name`;

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((value) => sql`${value}`));
}

/**
 * The scope as disjoint parts, each answered by its own index: the cases of the caller's units; the
 * caller's own agency cases owned elsewhere; the hand-offs of villages in scope owned elsewhere.
 * One OR over the three would make SQLite collect every case in scope before sorting a page.
 * `residual`: the unary + keeps SQLite from using the parts' indexes, for queries that start from
 * a narrower index (a search, a resident's cases) and only check the scope on each row.
 */
function scopeParts(scope: CaseScope, residual = false): RawBuilder<unknown>[] {
  const plus = sql.raw(residual ? '+' : '');
  const orgIds = list(scope.orgIds);
  return [
    sql`${plus}c.org_unit_id IN (${orgIds})`,
    sql`${plus}c.agent_user_id = ${scope.userId} AND ${plus}c.org_unit_id NOT IN (${orgIds})`,
    ...scope.foreignOwners.map(
      (owner) => sql`${plus}c.agency_org_id = ${owner.agencyOrgId}
        AND ${plus}c.org_unit_id = ${owner.orgUnitId}
        AND (c.agent_user_id IS NULL OR c.agent_user_id <> ${scope.userId})`,
    ),
  ];
}

export function scopeCondition(scope: CaseScope, residual = false): RawBuilder<unknown> {
  return sql`(${sql.join(
    scopeParts(scope, residual).map((part) => sql`(${part})`),
    sql` OR `,
  )})`;
}

/**
 * Agency cases of the villages in scope whose owner is outside the scope: a loose index scan on
 * cases_agency_owner, one seek per distinct owner of each village, instead of reading its cases.
 */
export async function findForeignOwners(
  db: Db,
  orgIds: readonly string[],
): Promise<ForeignOwner[]> {
  const ids = JSON.stringify(orgIds);
  const result = await sql<ForeignOwner>`WITH RECURSIVE owners(v, o) AS (
      SELECT s.value, (SELECT min(k.org_unit_id) FROM cases k WHERE k.agency_org_id = s.value)
        FROM json_each(${ids}) s
      UNION ALL
      SELECT v, (SELECT min(k.org_unit_id) FROM cases k
          WHERE k.agency_org_id = owners.v AND k.org_unit_id > owners.o)
        FROM owners WHERE o IS NOT NULL
    )
    SELECT v AS agencyOrgId, o AS orgUnitId FROM owners
    WHERE o IS NOT NULL AND o NOT IN (SELECT value FROM json_each(${ids}))`.execute(db);
  return result.rows;
}

/**
 * The rows a search can match, as rowids of cases. CROSS JOIN makes SQLite start from the search
 * index and look cases up by rowid, instead of walking every case in scope and testing each.
 */
function candidates(search: CaseSearch, scope: CaseScope): RawBuilder<unknown> | null {
  switch (search.kind) {
    case 'none':
      return null;
    case 'fts':
      return sql`SELECT rowid AS rid FROM cases_fts WHERE cases_fts MATCH ${search.match}`;
    case 'bigram':
      // Applicants through the residents' bigram index; items through the catalogue, which is small.
      return sql`SELECT k.rowid AS rid FROM resident_bigrams b
          CROSS JOIN residents r ON r.rowid = b.resident_rowid
          CROSS JOIN cases k ON k.resident_id = r.id
          WHERE b.bigram = ${search.text} AND instr(r.name, ${search.text}) > 0
        UNION
        SELECT k.rowid AS rid FROM service_items i
          CROSS JOIN cases k ON k.org_unit_id IN (${list(scope.orgIds)}) AND k.item_id = i.id
          WHERE instr(i.name, ${search.text}) > 0
        UNION
        SELECT k.rowid AS rid FROM service_items i
          CROSS JOIN cases k ON k.agent_user_id = ${scope.userId} AND k.item_id = i.id
          WHERE instr(i.name, ${search.text}) > 0`;
    case 'initials':
      // Lower-case ASCII initials: everything from the prefix up to the prefix followed by '{'.
      return sql`SELECT k.rowid AS rid FROM residents r
          CROSS JOIN cases k ON k.resident_id = r.id
          WHERE r.initials >= ${search.prefix} AND r.initials < ${`${search.prefix}{`}
            AND r.deleted_at IS NULL`;
  }
}

function filters(filter: CaseFilter): RawBuilder<unknown> {
  // Spelled as a literal: the partial indexes on live cases apply only then.
  const terms: RawBuilder<unknown>[] = [sql`c.deleted_at IS NULL`];
  if (filter.states.length > 0) terms.push(sql`c.state IN (${list(filter.states)})`);
  if (filter.itemId) terms.push(sql`c.item_id = ${filter.itemId}`);
  if (filter.createdFromIso) terms.push(sql`c.created_at >= ${filter.createdFromIso}`);
  if (filter.createdToIso) terms.push(sql`c.created_at < ${filter.createdToIso}`);
  if (filter.agentUserId) terms.push(sql`c.agent_user_id = ${filter.agentUserId}`);
  if (filter.channel) terms.push(sql`c.channel = ${filter.channel}`);
  if (filter.overdueOn) {
    terms.push(
      sql`c.state IN (${list(CLOCK_RUNNING_STATES)}) AND c.due_date < ${filter.overdueOn}`,
    );
  }
  return sql.join(terms, sql` AND `);
}

function direction(sort: CaseSort): RawBuilder<unknown> {
  return sql.raw(sort.dir === 'asc' ? 'ASC' : 'DESC');
}

/**
 * rowid breaks ties: index entries end with it, so an (org_unit_id, key) index gives each order
 * and a page stops after its rows. Cases without a due date (not yet accepted, or closed
 * unaccepted) go last either way.
 */
function orderBy(sort: CaseSort): RawBuilder<unknown> {
  const dir = direction(sort);
  switch (sort.by) {
    case 'createdAt':
      return sql`c.created_at ${dir}, c.rowid ${dir}`;
    case 'dueDate':
      return sql`c.due_date IS NULL, c.due_date ${dir}, c.rowid ${dir}`;
    case 'caseNo':
      return sql`c.case_no ${dir}, c.rowid ${dir}`;
  }
}

/**
 * One part of the scope in sort order, as index walks: by due date the cases with one and those
 * without are two walks, since SQLite keeps NULLs first in an index and they are shown last.
 */
function orderedWalks(
  sort: CaseSort,
): { where: RawBuilder<unknown> | null; order: RawBuilder<unknown> }[] {
  const dir = direction(sort);
  if (sort.by !== 'dueDate') return [{ where: null, order: orderBy(sort) }];
  return [
    { where: sql`c.due_date IS NOT NULL`, order: sql`c.due_date ${dir}, c.rowid ${dir}` },
    { where: sql`c.due_date IS NULL`, order: sql`c.rowid ${dir}` },
  ];
}

const SORT_INDEXES: Record<CaseSort['by'], string> = {
  createdAt: 'cases_live_org_created',
  dueDate: 'cases_live_org_due',
  caseNo: 'cases_live_org_case_no',
};

/**
 * The index whose order a plain list walks, stopping after a page: named, since without statistics
 * SQLite sees no difference between the (org_unit_id, …) indexes. Not when the filter keeps only
 * open cases or one item: those are few, and their own indexes find them faster than a walk
 * through years of closed cases would.
 */
function walkIndexFor(filter: CaseFilter, sort: CaseSort): string | null {
  if (filter.itemId || filter.overdueOn) return null;
  if (filter.states.some((state) => !TERMINAL_STATES.includes(state))) return null;
  return SORT_INDEXES[sort.by];
}

/**
 * The rowids of one page and all before it, in order. A search starts from its own index and
 * checks the scope on each row; a plain list takes the first `limit` of each part of the scope,
 * each from its index in order, so that a page reads about a page of rows.
 */
function pageRowids(
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
): RawBuilder<unknown> {
  const matched = candidates(filter.search, scope);
  if (matched) {
    return sql`SELECT c.rowid AS rid FROM (${matched}) m CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)}
      ORDER BY ${orderBy(sort)} LIMIT ${limit}`;
  }
  const walkIndex = walkIndexFor(filter, sort);
  return sql.join(
    scopeParts(scope).flatMap((part, index) =>
      orderedWalks(sort).map((walk) => {
        // Only the first part, the caller's own units, holds years of cases.
        const cases =
          index === 0 && walkIndex ? sql`cases c INDEXED BY ${sql.id(walkIndex)}` : sql`cases c`;
        const where = walk.where ? sql`${walk.where} AND ` : sql``;
        return sql`SELECT * FROM (SELECT c.rowid AS rid FROM ${cases}
          WHERE ${part} AND ${where}${filters(filter)} ORDER BY ${walk.order} LIMIT ${limit})`;
      }),
    ),
    sql` UNION ALL `,
  );
}

export function listQuery(
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  offset: number,
): RawBuilder<CaseSummaryRow> {
  return sql<CaseSummaryRow>`SELECT ${SUMMARY_COLUMNS}
    FROM (${pageRowids(filter, scope, sort, offset + limit)}) p
    CROSS JOIN cases c ON c.rowid = p.rid LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    ORDER BY ${orderBy(sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/** Each part counted on its own index; without a search the count reads index entries only. */
export function countQuery(filter: CaseFilter, scope: CaseScope): RawBuilder<{ total: number }> {
  const matched = candidates(filter.search, scope);
  if (matched) {
    return sql<{ total: number }>`SELECT count(*) AS total
      FROM (${matched}) m CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)}`;
  }
  const counts = scopeParts(scope).map(
    (part) => sql`(SELECT count(*) FROM cases c WHERE ${part} AND ${filters(filter)})`,
  );
  return sql<{ total: number }>`SELECT ${sql.join(counts, sql` + `)} AS total`;
}

export async function listCaseRows(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  offset: number,
): Promise<CaseSummaryRow[]> {
  return (await listQuery(filter, scope, sort, limit, offset).execute(db)).rows;
}

export async function countCases(db: Db, filter: CaseFilter, scope: CaseScope): Promise<number> {
  return (await countQuery(filter, scope).execute(db)).rows[0]?.total ?? 0;
}

/** The export adds the applicant's document, which the sheet shows masked. */
export async function exportCaseRows(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
): Promise<CaseExportRow[]> {
  const result = await sql<CaseExportRow>`SELECT ${SUMMARY_COLUMNS}, rd.doc_type, rd.doc_number
    FROM (${pageRowids(filter, scope, sort, limit)}) p
    CROSS JOIN cases c ON c.rowid = p.rid LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    LEFT JOIN residents rd ON rd.id = c.resident_id
    ORDER BY ${orderBy(sort)} LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** 一人一档: every case of a resident that the caller may see, newest first. */
export function residentCasesQuery(residentId: string, scope: CaseScope) {
  return sql<CaseSummaryRow>`SELECT ${SUMMARY_COLUMNS}
    FROM cases c LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    WHERE c.resident_id = ${residentId} AND c.deleted_at IS NULL AND ${scopeCondition(scope, true)}
    ORDER BY c.created_at DESC, c.case_no DESC`;
}

export async function residentCaseRows(
  db: Db,
  residentId: string,
  scope: CaseScope,
): Promise<CaseSummaryRow[]> {
  return (await residentCasesQuery(residentId, scope).execute(db)).rows;
}
