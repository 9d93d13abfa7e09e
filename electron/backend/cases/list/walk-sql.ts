import { sql, type RawBuilder } from 'kysely';
import { TERMINAL_STATES } from '@shared/domain/cases/case-workflow';
import type { PageSeek } from '../../core/page-cursor';
import { indexedBy, type PresentIndexes } from '../../db/named-indexes';
import { seekDirection, seekTerm, type SeekWalk } from '../../core/page-seek-sql';
import {
  candidateRows,
  candidatesByIntake,
  rowMatches,
  type Candidates,
} from '../search/match-sql';
import { filters, overdueParts, type CaseFilter, type PartFilter } from './filter-sql';
import { scopeCondition, scopeParts, type CaseScope } from './scope-sql';

/** A case list's order, and the index walks that read a page of it without sorting the rest. */

export interface CaseSort {
  by: 'createdAt' | 'dueDate' | 'caseNo' | 'handedOverAt';
  dir: 'asc' | 'desc';
}

export function direction(sort: CaseSort, seek: PageSeek | null = null): RawBuilder<unknown> {
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
export function orderBy(sort: CaseSort): RawBuilder<unknown> {
  const dir = direction(sort);
  const nullable = NULLABLE_KEYS[sort.by];
  if (nullable) return sql`${nullable} IS NULL, ${nullable} ${dir}, c.rowid ${dir}`;
  return sort.by === 'createdAt'
    ? sql`c.created_at ${dir}, c.rowid ${dir}`
    : sql`c.case_no ${dir}, c.rowid ${dir}`;
}

/** The sort key a walk carries out of its index: the merge of the walks sorts on it, not on rows. */
export function sortKey(sort: CaseSort): RawBuilder<unknown> {
  return NULLABLE_KEYS[sort.by] ?? (sort.by === 'createdAt' ? sql`c.created_at` : sql`c.case_no`);
}

/**
 * orderBy over the walks' rows (rid, k): the same order as orderBy on the cases themselves, or its
 * reverse when an anchored page lies before its anchor.
 */
export function mergeOrder(sort: CaseSort, seek: PageSeek | null): RawBuilder<unknown> {
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
  if (filter.itemId) return 'cases_org_item';
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
 * takes the first `limit` of each part of the scope from its index in order, testing each row
 * against the search, so that a page reads about a page of rows (../search/match-sql.ts). The key
 * comes from the walk's index, so merging the walks reads no rows: only the page's own rows are read
 * afterwards (a deep page would otherwise read every walked row of every unit to sort them).
 * With a seek, each walk starts past the anchor's row (in reverse order for a page before it).
 */
export function pageRowids(
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  limit: number,
  candidates: Candidates,
  present: PresentIndexes,
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
            const cases = ownUnit ? indexedBy(sql`cases c`, walkIndex, present) : sql`cases c`;
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
