import { sql, type RawBuilder } from 'kysely';
import { filterTerms, type DisputeFilters, type DisputeSort } from './filters';
import { executeNaming, indexedBy, type PresentIndexes } from '../../db/named-indexes';
import type { Db } from '../../db/queryable';
import { valueList } from '../../core/value-list-sql';

/**
 * A search of one character is a surname: the parties whose name starts with it, a range on
 * dispute_parties_name. A common one (陈, 王) matches thousands of disputes, and sorting them all
 * for a page read every one; past SURNAME_WALK_THRESHOLD parties the page is read instead by walking
 * the disputes newest first across all units, testing scope, filters and surname on each, within a
 * budget. Both ways give the same rows in the same order (surname-walk.test.ts).
 */

/** One character that is not a digit (a digit is a sequence number). */
export function isSurname(query: string): boolean {
  return Array.from(query).length === 1 && !/^\d$/.test(query);
}

/** The names from the surname up to the next character. */
export function surnameRange(surname: string): [string, string] {
  return [surname, String.fromCodePoint(surname.codePointAt(0)! + 1)];
}

/**
 * Parties counted in the name index alone, to this many and no further. Below it the matching
 * disputes are few enough to sort (1 000 parties: about 3 ms at 20 000 disputes); above it one
 * dispute in 20 matches, so a scope holding half the disputes finds a page of 20 within 800.
 */
const SURNAME_WALK_THRESHOLD = 1_000;

/** Disputes the walk may read per row of the page before it gives up: 4 000 for a page of 20. */
const ENTRIES_PER_ROW = 200;

export async function surnameIsCommon(
  db: Db,
  surname: string,
  threshold = SURNAME_WALK_THRESHOLD,
): Promise<boolean> {
  const [from, to] = surnameRange(surname);
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM dispute_parties
    WHERE name >= ${from} AND name < ${to} LIMIT ${threshold + 1})`.execute(db);
  return (result.rows[0]?.n ?? 0) > threshold;
}

/** The caller's access to `d` as the list's filters ask for it. */
function inScope(filters: DisputeFilters): RawBuilder<unknown> {
  const scope = valueList(filters.scope);
  const owned = sql`d.org_unit_id IN (${scope})`;
  const read = sql`d.id IN (SELECT r.dispute_id FROM dispute_readers r
    WHERE r.reader_org_id IN (${scope}) AND r.deleted_at IS NULL)`;
  if (filters.access === 'owner') return owned;
  if (filters.access === 'reader') return sql`(${read} AND NOT ${owned})`;
  return sql`(${owned} OR ${read})`;
}

function hasSurname(surname: string): RawBuilder<unknown> {
  const [from, to] = surnameRange(surname);
  return sql`EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id
    AND p.name >= ${from} AND p.name < ${to} AND p.deleted_at IS NULL)`;
}

/** The first `rows` matches newest (or oldest) first; null when the budget runs out before them. */
export function surnameWalkQuery(
  filters: DisputeFilters,
  sort: DisputeSort,
  rows: number,
  present: PresentIndexes,
): RawBuilder<{ id: string }> {
  const dir = sql.raw(sort.sortDir === 'asc' ? 'ASC' : 'DESC');
  // CASE: the parties are looked up only for disputes in scope that pass the filters. No outer
  // ORDER BY: it would test every entry of the budget before the LIMIT. A subquery with its own
  // LIMIT is not flattened and keeps its ORDER BY, and its rows come out in that order; the
  // row-for-row tests against the plain query hold the walk to it.
  return sql<{ id: string }>`SELECT id FROM (SELECT d.id AS id,
      CASE WHEN ${inScope(filters)} AND ${filterTerms(filters)} THEN ${hasSurname(filters.query)}
        ELSE 0 END AS hit
    FROM ${indexedBy(sql`disputes d`, 'disputes_live_registered', present)}
    WHERE d.deleted_at IS NULL
    ORDER BY d.registered_on ${dir}, d.rowid ${dir} LIMIT ${rows * ENTRIES_PER_ROW})
    WHERE hit LIMIT ${rows}`;
}

export async function pageBySurnameWalk(
  db: Db,
  filters: DisputeFilters,
  sort: DisputeSort,
  rows: number,
): Promise<string[] | null> {
  if (sort.sortBy !== 'registeredOn' || filters.scope.length === 0) return null;
  const result = await executeNaming(db, (present) =>
    surnameWalkQuery(filters, sort, rows, present),
  );
  return result.rows.length < rows ? null : result.rows.map((row) => row.id);
}

/**
 * The matching disputes counted to `cap` + 1 from the parties' side, each once: DISTINCT with
 * LIMIT streams and stops at the cap, where `d.id IN (…)` first collects every matching party.
 */
export function surnameCountQuery(
  filters: DisputeFilters,
  cap: number,
): RawBuilder<{ total: number }> {
  const [from, to] = surnameRange(filters.query);
  return sql<{ total: number }>`SELECT count(*) AS total FROM (SELECT DISTINCT d.rowid
    FROM dispute_parties p CROSS JOIN disputes d ON d.id = p.dispute_id
    WHERE p.name >= ${from} AND p.name < ${to} AND p.deleted_at IS NULL
      AND ${inScope(filters)} AND ${filterTerms(filters)} LIMIT ${cap + 1})`;
}
