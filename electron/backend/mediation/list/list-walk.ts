import { sql, type RawBuilder } from 'kysely';
import type { PageSeek } from '../../core/page-cursor';
import { seekDirection, seekTerm, type SeekWalk } from '../../core/page-seek-sql';
import { valueList } from '../../core/value-list-sql';
import { indexedBy, type PresentIndexes } from '../../db/named-indexes';
import { filterTerms, type DisputeFilters, type DisputeSort } from './filters';

/**
 * The dispute list without a search, as index walks: each unit of the scope is read in sort order
 * on its own index (dispute_list_indexes migration) and stops after the page, so that a page costs
 * the same at ten years of disputes as in the first month; the cases passed up and still read come
 * from dispute_readers, which holds few. Only the walks' pages are merged and sorted, on the keys
 * the walks read from their indexes: the rows themselves are read for the page alone (a deep page
 * of a supervisor's township and villages would otherwise read every walked row to sort it).
 */

function direction(sort: DisputeSort, seek: PageSeek | null = null): RawBuilder<unknown> {
  return sql.raw(seekDirection(sort.sortDir, seek) === 'asc' ? 'ASC' : 'DESC');
}

/** rowid breaks ties, as the index entries end with it. Disputes without a due date go last. */
export function disputeOrder(sort: DisputeSort): RawBuilder<unknown> {
  const dir = direction(sort);
  switch (sort.sortBy) {
    case 'registeredOn':
      return sql`d.registered_on ${dir}, d.rowid ${dir}`;
    case 'dueDate':
      return sql`d.due_date IS NULL, d.due_date ${dir}, d.rowid ${dir}`;
    case 'caseNo':
      return sql`d.case_year ${dir}, d.case_seq ${dir}, d.rowid ${dir}`;
  }
}

/** The sort key's columns, in index order: the case number is a year and a sequence number. */
export function keyColumns(sort: DisputeSort): RawBuilder<unknown>[] {
  switch (sort.sortBy) {
    case 'registeredOn':
      return [sql`d.registered_on`];
    case 'dueDate':
      return [sql`d.due_date`];
    case 'caseNo':
      return [sql`d.case_year`, sql`d.case_seq`];
  }
}

/**
 * The sort key a walk carries out of its index (k, k2), so that merging the walks reads no rows;
 * with the rowid, the position a page's cursors hold.
 */
function sortKey(sort: DisputeSort): RawBuilder<unknown> {
  const [k, k2] = keyColumns(sort);
  return sql`d.rowid AS rid, ${k} AS k, ${k2 ?? sql`NULL`} AS k2`;
}

/** disputeOrder over the walks' rows (rid, k, k2), reversed for a page before its anchor. */
function mergeOrder(sort: DisputeSort, seek: PageSeek | null): RawBuilder<unknown> {
  const dir = direction(sort, seek);
  switch (sort.sortBy) {
    case 'registeredOn':
      return sql`p.k ${dir}, p.rid ${dir}`;
    case 'dueDate':
      return sql`p.k IS NULL ${sql.raw(seek?.backward ? 'DESC' : 'ASC')}, p.k ${dir}, p.rid ${dir}`;
    case 'caseNo':
      return sql`p.k ${dir}, p.k2 ${dir}, p.rid ${dir}`;
  }
}

/**
 * By due date, a unit's disputes with one and those without are two walks: NULLs come first in an
 * index. The disputes read from elsewhere are sorted whole in one: each walk of them looks every
 * one up by id. With a seek, each walk starts past the anchor; a walk wholly before it is left out.
 */
function walks(sort: DisputeSort, seek: PageSeek | null, owned: boolean) {
  const rowid = sql`d.rowid`;
  const all: (SeekWalk & { where: RawBuilder<unknown> | null })[] =
    sort.sortBy === 'dueDate'
      ? [
          { where: sql`d.due_date IS NOT NULL`, keys: keyColumns(sort), rowid },
          { where: sql`d.due_date IS NULL`, keys: [], rowid },
        ]
      : [{ where: null, keys: keyColumns(sort), rowid }];
  const dir = direction(sort, seek);
  const pieces = all.flatMap((walk) => {
    const past = seekTerm(walk, seek, sort.sortDir);
    if (past === false) return [];
    const terms = [walk.where, past].filter((term) => term !== null);
    const order = sql.join([...walk.keys, walk.rowid].map((column) => sql`${column} ${dir}`));
    return [{ terms, order }];
  });
  if (owned || pieces.length < 2) {
    return pieces.map(({ terms, order }) => ({
      where: sql.join([...terms, sql``], sql` AND `),
      order,
    }));
  }
  const either = pieces.map(({ terms }) => sql`(${sql.join(terms, sql` AND `)})`);
  const nullsLast = sql.raw(seek?.backward ? 'DESC' : 'ASC');
  return [
    {
      where: sql`(${sql.join(either, sql` OR `)}) AND `,
      order: sql`d.due_date IS NULL ${nullsLast}, d.due_date ${dir}, d.rowid ${dir}`,
    },
  ];
}

const SORT_INDEXES: Record<DisputeSort['sortBy'], string> = {
  registeredOn: 'disputes_live_org_registered',
  dueDate: 'disputes_live_org_due',
  caseNo: 'disputes_live_org_case_no',
};

/** Closed and refused disputes are most of the register; the open ones are few. */
const FINAL_STATES = ['closed', 'rejected'];

/**
 * Named, since without statistics SQLite cannot tell the (org_unit_id, …) indexes apart. A filter
 * to open states reads them through the state index instead of walking past years of closed ones.
 */
function walkIndex(filters: DisputeFilters, sort: DisputeSort): string {
  if (filters.deadline || filters.states.some((state) => !FINAL_STATES.includes(state))) {
    return 'disputes_live_org_state_due';
  }
  return SORT_INDEXES[sort.sortBy];
}

/** The scope as disjoint parts: each owning unit, then the disputes read but owned elsewhere. */
function parts(filters: DisputeFilters): { part: RawBuilder<unknown>; owned: boolean }[] {
  const scope = valueList(filters.scope);
  const owned =
    filters.access === 'reader'
      ? []
      : filters.scope.map((orgId) => ({ part: sql`d.org_unit_id = ${orgId}`, owned: true }));
  const read = sql`d.id IN (SELECT r.dispute_id FROM dispute_readers r
      WHERE r.reader_org_id IN (${scope}) AND r.deleted_at IS NULL)
    AND d.org_unit_id NOT IN (${scope})`;
  return filters.access === 'owner' ? owned : [...owned, { part: read, owned: false }];
}

/** A page's dispute with its sort position, for the page's cursors. */
export interface DisputePageRow {
  id: string;
  rid: number;
  k: string | number | null;
  k2: number | null;
}

/** A page `offset` rows in, or, with a seek, `skip` rows past the anchor. */
export function walkPageQuery(
  filters: DisputeFilters,
  sort: DisputeSort,
  limit: number,
  offset: number,
  present: PresentIndexes,
  seek: PageSeek | null = null,
): RawBuilder<DisputePageRow> {
  const index = walkIndex(filters, sort);
  const terms = filterTerms(filters);
  const skip = seek ? seek.skip : offset;
  const pages = parts(filters).flatMap(({ part, owned }) =>
    walks(sort, seek, owned).map((walk) => {
      const source = owned ? indexedBy(sql`disputes d`, index, present) : sql`disputes d`;
      return sql`SELECT * FROM (SELECT ${sortKey(sort)} FROM ${source}
        WHERE ${part} AND ${walk.where}${terms} ORDER BY ${walk.order} LIMIT ${skip + limit})`;
    }),
  );
  if (pages.length === 0) {
    return sql<DisputePageRow>`SELECT NULL AS id, NULL AS rid, NULL AS k, NULL AS k2 WHERE 0`;
  }
  return sql<DisputePageRow>`SELECT d.id, ${sortKey(sort)}
    FROM (SELECT p.rid FROM (${sql.join(pages, sql` UNION ALL `)}) p
      ORDER BY ${mergeOrder(sort, seek)} LIMIT ${limit} OFFSET ${skip}) q
    CROSS JOIN disputes d ON d.rowid = q.rid
    ORDER BY ${disputeOrder(sort)}`;
}

/**
 * The owned disputes of every unit in one index read, then those read from elsewhere, counted
 * together to `cap` + 1 and no further: counted part by part, a supervisor's units each read to
 * the cap, twice the cap for the list's 20 000 disputes in eight units.
 */
export function walkCountQuery(
  filters: DisputeFilters,
  cap: number,
): RawBuilder<{ total: number }> {
  if (filters.scope.length === 0) return sql<{ total: number }>`SELECT 0 AS total`;
  const terms = filterTerms(filters);
  const allOwned = sql`d.org_unit_id IN (${valueList(filters.scope)})`;
  const counted = [
    ...(filters.access === 'reader' ? [] : [allOwned]),
    ...parts(filters).flatMap(({ part, owned }) => (owned ? [] : [part])),
  ].map((part) => sql`SELECT 1 FROM disputes d WHERE ${part} AND ${terms}`);
  return sql<{ total: number }>`SELECT count(*) AS total
    FROM (${sql.join(counted, sql` UNION ALL `)} LIMIT ${cap + 1})`;
}
