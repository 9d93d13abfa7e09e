import { sql, type RawBuilder } from 'kysely';
import { TERMINAL_STATES, type CaseState } from '@shared/domain/cases/case-workflow';
import type { PageSeek } from '../../core/page-cursor';
import { seekDirection, seekTerm, type SeekWalk } from '../../core/page-seek-sql';
import {
  candidateParts,
  candidateRows,
  candidatesByIntake,
  findCandidates,
  rowMatches,
  valueList,
  type Candidates,
} from '../search/match-sql';
import type { CaseSearch } from '../search/case-search';
import type { Db } from '../../db/queryable';

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
  by: 'createdAt' | 'dueDate' | 'caseNo' | 'handedOverAt';
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

/**
 * The scope as disjoint parts, each answered by its own index: the cases of the caller's units; the
 * caller's own agency cases owned elsewhere; the hand-offs of villages in scope owned elsewhere.
 * One OR over the three would make SQLite collect every case in scope before sorting a page.
 * `residual`: the unary + keeps SQLite from using the parts' indexes, for queries that start from
 * a narrower index (a search, a resident's cases) and only check the scope on each row.
 */
function scopeParts(scope: CaseScope, residual = false): RawBuilder<unknown>[] {
  const plus = sql.raw(residual ? '+' : '');
  const orgIds = valueList(scope.orgIds);
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

/** One walk's or count's share of 只看超期: a single limit, so that each is a seek of its own. */
interface PartFilter extends CaseFilter {
  overdueLimit?: 'promised' | 'handoff' | undefined;
}

function filters(filter: PartFilter): RawBuilder<unknown> {
  // Spelled as a literal: the partial indexes on live cases apply only then.
  return sql.join([sql`c.deleted_at IS NULL`, ...chosenFilters(filter)], sql` AND `);
}

/**
 * The filters the clerk chose, without the live-row term: for a test on entries of a partial index
 * on live cases, where `deleted_at` would read each case's row for what the index already says.
 */
function chosenFilters(filter: PartFilter): RawBuilder<unknown>[] {
  const terms: RawBuilder<unknown>[] = [];
  if (filter.states.length > 0) terms.push(sql`c.state IN (${valueList(filter.states)})`);
  if (filter.itemId) terms.push(sql`c.item_id = ${filter.itemId}`);
  if (filter.createdFromIso) terms.push(sql`c.created_at >= ${filter.createdFromIso}`);
  if (filter.createdToIso) terms.push(sql`c.created_at < ${filter.createdToIso}`);
  if (filter.agentUserId) terms.push(sql`c.agent_user_id = ${filter.agentUserId}`);
  if (filter.channel) terms.push(sql`c.channel = ${filter.channel}`);
  if (filter.overdueOn) terms.push(pastRunningLimit(filter.overdueOn, filter.overdueLimit));
  return terms;
}

/**
 * runningLimit (clock.ts) as SQL, for 只看超期 to list what the list badges 已超期: an open case past
 * its promised date, or a village draft past its 3-working-day hand-off. A case waiting for 补正 is
 * in neither. With the OR SQLite reads every case of the unit, so walks and counts take each limit
 * on its own (overdueParts), a seek on (org_unit_id, state, …); a search's few candidates use the OR.
 */
function pastRunningLimit(today: string, limit: PartFilter['overdueLimit']): RawBuilder<unknown> {
  const promised = sql`c.state IN (${valueList(CLOCK_RUNNING_STATES)}) AND c.due_date < ${today}`;
  const handoff = sql`c.state = 'agency_draft' AND c.handoff_due_date < ${today}`;
  if (limit === 'promised') return promised;
  if (limit === 'handoff') return handoff;
  return sql`(${promised} OR ${handoff})`;
}

/** The two limits of 只看超期 are disjoint by state: their walks merge and their counts add up. */
function overdueParts(filter: CaseFilter): PartFilter[] {
  if (!filter.overdueOn) return [filter];
  return [
    { ...filter, overdueLimit: 'promised' },
    { ...filter, overdueLimit: 'handoff' },
  ];
}

function direction(sort: CaseSort, seek: PageSeek | null = null): RawBuilder<unknown> {
  return sql.raw(seekDirection(sort.dir, seek) === 'asc' ? 'ASC' : 'DESC');
}

/**
 * The sort keys that some cases lack: no due date before acceptance (or closed unaccepted), no
 * hand-over time for a counter case or a draft. Those cases go last either way.
 */
const NULLABLE_KEYS: Partial<Record<CaseSort['by'], RawBuilder<unknown>>> = {
  dueDate: sql`c.due_date`,
  handedOverAt: sql`c.handed_over_at`,
};

/**
 * rowid breaks ties: index entries end with it, so an (org_unit_id, key) index gives each order
 * and a page stops after its rows.
 */
function orderBy(sort: CaseSort): RawBuilder<unknown> {
  const dir = direction(sort);
  const nullable = NULLABLE_KEYS[sort.by];
  if (nullable) return sql`${nullable} IS NULL, ${nullable} ${dir}, c.rowid ${dir}`;
  return sort.by === 'createdAt'
    ? sql`c.created_at ${dir}, c.rowid ${dir}`
    : sql`c.case_no ${dir}, c.rowid ${dir}`;
}

/** The sort key a walk carries out of its index: the merge of the walks sorts on it, not on rows. */
function sortKey(sort: CaseSort): RawBuilder<unknown> {
  return NULLABLE_KEYS[sort.by] ?? (sort.by === 'createdAt' ? sql`c.created_at` : sql`c.case_no`);
}

/**
 * orderBy over the walks' rows (rid, k): the same order as orderBy on the cases themselves, or its
 * reverse when an anchored page lies before its anchor.
 */
function mergeOrder(sort: CaseSort, seek: PageSeek | null): RawBuilder<unknown> {
  const dir = direction(sort, seek);
  if (!NULLABLE_KEYS[sort.by]) return sql`p.k ${dir}, p.rid ${dir}`;
  const nullsLast = sql.raw(seek?.backward ? 'DESC' : 'ASC');
  return sql`p.k IS NULL ${nullsLast}, p.k ${dir}, p.rid ${dir}`;
}

interface CaseWalk extends SeekWalk {
  where: RawBuilder<unknown> | null;
}

/**
 * One part of the scope in sort order, as index walks: by a key some cases lack, the cases with one
 * and those without are two walks, since SQLite keeps NULLs first in an index and they are shown last.
 */
function orderedWalks(sort: CaseSort): CaseWalk[] {
  const nullable = NULLABLE_KEYS[sort.by];
  if (!nullable) return [{ where: null, keys: [sortKey(sort)], rowid: sql`c.rowid` }];
  return [
    { where: sql`${nullable} IS NOT NULL`, keys: [nullable], rowid: sql`c.rowid` },
    { where: sql`${nullable} IS NULL`, keys: [], rowid: sql`c.rowid` },
  ];
}

function walkOrder(walk: CaseWalk, dir: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql.join([...walk.keys, walk.rowid].map((column) => sql`${column} ${dir}`));
}

/** The walks that may hold rows past the seek's anchor, each with its terms. */
function seekWalks(
  sort: CaseSort,
  seek: PageSeek | null,
): (CaseWalk & { terms: RawBuilder<unknown> })[] {
  return orderedWalks(sort).flatMap((walk) => {
    const past = seekTerm(walk, seek, sort.dir);
    if (past === false) return [];
    const terms = [walk.where, past].filter((term) => term !== null);
    return [
      { ...walk, terms: terms.length === 0 ? sql`` : sql`${sql.join(terms, sql` AND `)} AND ` },
    ];
  });
}

const SORT_INDEXES: Record<CaseSort['by'], string> = {
  createdAt: 'cases_live_org_created',
  dueDate: 'cases_live_org_due',
  caseNo: 'cases_live_org_case_no',
  handedOverAt: 'cases_live_org_handed_over',
};

/**
 * The index a unit's walk reads: named, since without statistics SQLite sees no difference between
 * the (org_unit_id, …) indexes and, with `org_unit_id = ?`, prefers the one in sort order. Open cases
 * (a filter to open states, overdue) and one item's cases are read through their own index instead:
 * those are few, and a walk in sort order would pass years of closed cases to find them. Any
 * states in the default order by intake are walked in that order, a state at a time (stateWalks),
 * reading index entries alone (closed states too: walked on the intake index, each case was read
 * for its state). Open states by another sort are read through the due-date index and sorted.
 */
function walkIndexFor(filter: CaseFilter, sort: CaseSort): string {
  if (filter.overdueOn) return 'cases_live_org_state_due';
  if (filter.states.length > 0 && sort.by === 'createdAt') return 'cases_live_org_state_created';
  if (filter.states.some((state) => !TERMINAL_STATES.includes(state))) {
    return 'cases_live_org_state_due';
  }
  if (filter.itemId) return 'cases_live_org_item';
  return SORT_INDEXES[sort.by];
}

/**
 * The walk's parts of the scope: each of the caller's units on its own, since an index on
 * (org_unit_id, key) gives the key's order only for one unit, and with `org_unit_id IN (…)` SQLite
 * would read every case of every unit to sort them; then the caller's own agency cases and the
 * hand-offs owned elsewhere. Own units are walked on the named index (walkIndexFor).
 */
function walkParts(scope: CaseScope): { part: RawBuilder<unknown>; ownUnit: boolean }[] {
  const [, ...others] = scopeParts(scope);
  return [
    ...scope.orgIds.map((id) => ({ part: sql`c.org_unit_id = ${id}`, ownUnit: true })),
    ...others.map((part) => ({ part, ownUnit: false })),
  ];
}

/**
 * The rowids of one page and all before it, each with its sort key (rid, k). A search with few
 * candidates sorts them; the walk (a plain list, or a search that matches too many cases to sort)
 * takes the first `limit` of each part of the scope from its index in order, testing each row against
 * the search, so that a page reads about a page of rows (queries-match.ts). The key comes from the
 * walk's index, so merging the walks reads no rows: only the page's own rows are read afterwards
 * (a deep page would otherwise read every walked row of every unit to sort them).
 * With a seek, each walk starts past the anchor's row (in reverse order for a page before it).
 */
function pageRowids(
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  candidates: Candidates,
  seek: PageSeek | null = null,
): RawBuilder<unknown> {
  if (candidates.kind === 'few' && candidates.createdAt && sort.by === 'createdAt') {
    const dir = direction(sort);
    return sql`SELECT c.rowid AS rid, m.k AS k
      FROM (${candidatesByIntake(candidates.rowids, candidates.createdAt, dir)}) m
      CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)}
      ORDER BY m.k ${dir}, m.rid ${dir} LIMIT ${limit}`;
  }
  if (candidates.kind === 'few') {
    return sql`SELECT c.rowid AS rid, ${sortKey(sort)} AS k FROM (${candidateRows(candidates.rowids)}) m
      CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)}
      ORDER BY ${orderBy(sort)} LIMIT ${limit}`;
  }
  const walkIndex = walkIndexFor(filter, sort);
  const test = rowMatches(filter.search);
  const termsOf = (f: PartFilter) => (test ? sql`${filters(f)} AND ${test}` : filters(f));
  return sql.join(
    walkParts(scope).flatMap(({ part, ownUnit }) =>
      (ownUnit ? stateWalks(filter, walkIndex) : [filter])
        .flatMap(overdueParts)
        .flatMap((walkFilter) =>
          seekWalks(sort, seek).map((walk) => {
            const cases = ownUnit ? sql`cases c INDEXED BY ${sql.id(walkIndex)}` : sql`cases c`;
            const order = walkOrder(walk, direction(sort, seek));
            return sql`SELECT * FROM (SELECT c.rowid AS rid, ${sortKey(sort)} AS k FROM ${cases}
            WHERE ${part} AND ${walk.terms}${termsOf(walkFilter)} ORDER BY ${order} LIMIT ${limit})`;
          }),
        ),
    ),
    sql` UNION ALL `,
  );
}

/**
 * (org_unit_id, state, created_at) gives the order of intake only within one state: with
 * `state IN (…)` SQLite reads every case of those states and sorts them, so each state is a walk.
 */
function stateWalks(filter: CaseFilter, walkIndex: string): CaseFilter[] {
  if (walkIndex !== 'cases_live_org_state_created') return [filter];
  return filter.states.map((state) => ({ ...filter, states: [state] }));
}

/** A row of a list page, with its sort position (rid, k) for the page's cursors. */
export interface CasePageRow extends CaseSummaryRow {
  rid: number;
  k: string | null;
}

/**
 * A page: `offset` rows in, or, with a seek (a page of a plain list near an anchored one), `skip`
 * rows past the anchor. A search's candidates are sorted whole and ignore the seek.
 */
export function listQuery(
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  offset: number,
  candidates: Candidates,
  seek: PageSeek | null = null,
): RawBuilder<CasePageRow> {
  const walkSeek = candidates.kind === 'few' ? null : seek;
  const skip = walkSeek ? walkSeek.skip : offset;
  const rowids = pageRowids(filter, scope, sort, skip + limit, candidates, walkSeek);
  return sql<CasePageRow>`SELECT ${SUMMARY_COLUMNS}, c.rowid AS rid, ${sortKey(sort)} AS k
    FROM (SELECT p.rid FROM (${rowids}) p
      ORDER BY ${mergeOrder(sort, walkSeek)} LIMIT ${limit} OFFSET ${skip}) q
    CROSS JOIN cases c ON c.rowid = q.rid LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    ORDER BY ${orderBy(sort)}`;
}

/** A list's total, exact up to `cap`; past it, `total` is the cap and a lower bound. */
export interface CaseCount {
  total: number;
  isLowerBound: boolean;
}

/**
 * Counts to `cap` + 1 and stops: an exact count of ten years of cases reads a million index entries
 * for a number nobody pages through. A search counts its candidates once each: the few already
 * read, or many from the indexes (UNION ALL streams, DISTINCT with LIMIT stops early, where UNION
 * would collect every candidate first); a plain list counts each part of the scope on its own
 * index, reading index entries only.
 */
export function countQuery(
  filter: CaseFilter,
  scope: CaseScope,
  cap: number | null,
  candidates: Candidates,
): RawBuilder<{ total: number }> {
  const limit = cap === null ? -1 : cap + 1;
  if (candidates.kind === 'few') {
    return sql<{ total: number }>`SELECT count(*) AS total FROM (SELECT 1
      FROM (${candidateRows(candidates.rowids)}) m CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)} LIMIT ${limit})`;
  }
  const parts = candidateParts(filter.search, scope);
  if (parts.length > 0) {
    return sql<{ total: number }>`SELECT count(*) AS total FROM (SELECT DISTINCT c.rowid
      FROM (${sql.join(parts, sql` UNION ALL `)}) m CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)} LIMIT ${limit})`;
  }
  const counts = scopeParts(scope).flatMap((part) =>
    overdueParts(filter).map(
      (partFilter) =>
        sql`(SELECT count(*) FROM (SELECT 1 FROM cases c WHERE ${part} AND ${filters(partFilter)}
          LIMIT ${limit}))`,
    ),
  );
  return sql<{ total: number }>`SELECT ${sql.join(counts, sql` + `)} AS total`;
}

/** What the search indexes hold for the filter's search, read once per request. */
export function searchCandidates(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
): Promise<Candidates> {
  return findCandidates(db, filter.search, scope);
}

/**
 * Index entries a walk across units may read per row of the page: a search on the walk has more
 * than WALK_THRESHOLD candidates, at least one case in 200 of a million, so a page of 20 is found
 * within 4 000 cases when the scope holds most of the database, as a township's does.
 */
const ACROSS_UNITS_ENTRIES_PER_ROW = 200;

/**
 * A search with too many candidates to sort, in order of intake: one walk across all units on
 * cases_live_created, testing scope, filters and the search on each case until the page is full.
 * The entry holds the unit and the applicant's initials, so a case of a unit outside the scope, or
 * one tested for initials, is passed without reading its row, except where the scope holds a
 * village's handed-over cases (an agent's, or a village clerk's): those are told by columns the
 * entry lacks, so the row is read and the budget goes sooner. The live-row term is the index's own
 * condition. Null when it is not full within its budget (a scope that is a small part of the database, a match rare in it, or a
 * narrowing filter): the unit walks of pageRowids read it then. Walked per unit, each village in
 * scope was read to its end when a word was rare in it, beside the township's own walk.
 */
export async function pageAcrossUnits(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  rows: number,
): Promise<Candidates | null> {
  const test = rowMatches(filter.search);
  if (sort.by !== 'createdAt' || !test) return null;
  const dir = direction(sort);
  const result = await sql<{ rid: number }>`SELECT rid FROM (SELECT c.rowid AS rid,
      (${sql.join([scopeCondition(scope, true), ...chosenFilters(filter), test], sql` AND `)}) AS hit
    FROM cases c INDEXED BY cases_live_created WHERE c.deleted_at IS NULL
    ORDER BY c.created_at ${dir}, c.rowid ${dir}
    LIMIT ${rows * ACROSS_UNITS_ENTRIES_PER_ROW}) WHERE hit LIMIT ${rows}`.execute(db);
  return result.rows.length < rows
    ? null
    : { kind: 'few', rowids: result.rows.map((row) => row.rid), createdAt: null };
}

/** A seek applies to a plain list only: a search (capped at SEARCH_TOTAL_CAP) pages by offset. */
export async function listCaseRows(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  offset: number,
  candidates?: Candidates,
  seek: PageSeek | null = null,
): Promise<CasePageRow[]> {
  const found = candidates ?? (await searchCandidates(db, filter, scope));
  const page =
    found.kind === 'many'
      ? ((await pageAcrossUnits(db, filter, scope, sort, offset + limit)) ?? found)
      : found;
  const walkSeek = filter.search.kind === 'none' ? seek : null;
  return (await listQuery(filter, scope, sort, limit, offset, page, walkSeek).execute(db)).rows;
}

/** `cap` null counts exactly (the export states how many it left out). */
export async function countCases(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  cap: number | null,
  candidates?: Candidates,
): Promise<CaseCount> {
  const found = candidates ?? (await searchCandidates(db, filter, scope));
  const total = (await countQuery(filter, scope, cap, found).execute(db)).rows[0]?.total ?? 0;
  return cap !== null && total > cap
    ? { total: cap, isLowerBound: true }
    : { total, isLowerBound: false };
}

/** The export adds the applicant's document, which the sheet shows masked. */
export async function exportCaseRows(
  db: Db,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
): Promise<CaseExportRow[]> {
  const candidates = await searchCandidates(db, filter, scope);
  const result = await sql<CaseExportRow>`SELECT ${SUMMARY_COLUMNS}, rd.doc_type, rd.doc_number
    FROM (${pageRowids(filter, scope, sort, limit, candidates)}) p
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
