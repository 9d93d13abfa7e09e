import { sql, type RawBuilder } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { PageSeek } from '../../core/page-cursor';
import {
  candidateParts,
  candidateRows,
  findCandidates,
  rowMatches,
  type Candidates,
} from '../search/match-sql';
import { chosenFilters, filters, overdueParts, type CaseFilter } from './filter-sql';
import { scopeCondition, scopeParts, type CaseScope } from './scope-sql';
import { direction, mergeOrder, orderBy, pageRowids, sortKey, type CaseSort } from './walk-sql';
import { executeNaming, indexedBy, type PresentIndexes } from '../../db/named-indexes';
import type { Db } from '../../db/queryable';

/**
 * The case lists as SQL: every filter, the sort and the paging run in SQLite on the case indexes
 * (applications, case_worklists and case_list_indexes migrations), so that a page costs about the
 * same at ten years of cases as on the first day. index-plans.test.ts holds them to that. Their
 * parts: who may see a case (scope-sql.ts), the filters (filter-sql.ts), the walks in sort order
 * (walk-sql.ts) and the search's candidates (../search/match-sql.ts).
 */

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
  COALESCE((SELECT u.display_name FROM users u WHERE u.id = c.agent_user_id),
    (SELECT e.actor_name FROM case_events e
      WHERE e.case_id = c.id AND e.actor_id = c.agent_user_id ORDER BY e.at LIMIT 1)) AS agent_name`;

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
  present: PresentIndexes,
  seek: PageSeek | null = null,
): RawBuilder<CasePageRow> {
  const walkSeek = candidates.kind === 'few' ? null : seek;
  const skip = walkSeek ? walkSeek.skip : offset;
  const rowids = pageRowids(filter, scope, sort, skip + limit, candidates, present, walkSeek);
  return sql<CasePageRow>`SELECT ${SUMMARY_COLUMNS}, c.rowid AS rid, ${sortKey(sort)} AS k
    FROM (SELECT p.rid FROM (${rowids}) p
      ORDER BY ${mergeOrder(sort, walkSeek)} LIMIT ${limit} OFFSET ${skip}) q
    CROSS JOIN cases c ON c.rowid = q.rid LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    ORDER BY ${orderBy(sort)}`;
}

/** A list's total, exact up to `cap`; past it, `total` is the cap and a lower bound. */
interface CaseCount {
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
function countQuery(
  filter: CaseFilter,
  scope: CaseScope,
  cap: number | null,
  candidates: Candidates,
  present: PresentIndexes,
): RawBuilder<{ total: number }> {
  const limit = cap === null ? -1 : cap + 1;
  if (candidates.kind === 'few') {
    return sql<{ total: number }>`SELECT count(*) AS total FROM (SELECT 1
      FROM (${candidateRows(candidates.rowids)}) m CROSS JOIN cases c ON c.rowid = m.rid
      WHERE ${filters(filter)} AND ${scopeCondition(scope, true)} LIMIT ${limit})`;
  }
  const parts = candidateParts(filter.search, scope, present);
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
  const result = await executeNaming(
    db,
    (present) => sql<{ rid: number }>`SELECT rid FROM (SELECT c.rowid AS rid,
      (${sql.join([scopeCondition(scope, true), ...chosenFilters(filter), test], sql` AND `)}) AS hit
    FROM ${indexedBy(sql`cases c`, 'cases_live_created', present)} WHERE c.deleted_at IS NULL
    ORDER BY c.created_at ${dir}, c.rowid ${dir}
    LIMIT ${rows * ACROSS_UNITS_ENTRIES_PER_ROW}) WHERE hit LIMIT ${rows}`,
  );
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
  const query = (present: PresentIndexes) =>
    listQuery(filter, scope, sort, limit, offset, page, present, walkSeek);
  return (await executeNaming(db, query)).rows;
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
  const counted = await executeNaming(db, (present) =>
    countQuery(filter, scope, cap, found, present),
  );
  const total = counted.rows[0]?.total ?? 0;
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
  const result = await executeNaming(
    db,
    (present) => sql<CaseExportRow>`SELECT ${SUMMARY_COLUMNS}, rd.doc_type, rd.doc_number
    FROM (${pageRowids(filter, scope, sort, limit, candidates, present)}) p
    CROSS JOIN cases c ON c.rowid = p.rid LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    LEFT JOIN residents rd ON rd.id = c.resident_id
    ORDER BY ${orderBy(sort)} LIMIT ${limit}`,
  );
  return result.rows;
}

/** 一人一档: every case of a resident that the caller may see, newest first. */
function residentCasesQuery(residentId: string, scope: CaseScope) {
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
