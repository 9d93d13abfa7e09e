import { sql, type Expression, type SqlBool } from 'kysely';
import { LIST_TOTAL_CAP, SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import type { PageSeek } from '../../core/page-cursor';
import type { DisputeFilters, DisputeSort } from './filters';
import {
  disputeOrder,
  keyColumns,
  walkCountQuery,
  walkPageQuery,
  type DisputePageRow,
} from './list-walk';
import { ftsPhrase, searchForm } from './search-index';
import {
  isSurname,
  pageBySurnameWalk,
  surnameCountQuery,
  surnameIsCommon,
  surnameRange,
} from './surname-walk';
import { EVERY_INDEX, executeNaming, type PresentIndexes } from '../../db/named-indexes';
import type { Db } from '../../db/queryable';

export async function findDisputeRow(db: Db, disputeId: string) {
  return db
    .selectFrom('disputes')
    .selectAll()
    .where('id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
}

export async function disputeRowid(db: Db, disputeId: string): Promise<number> {
  const result = await sql<{
    rowid: number;
  }>`SELECT rowid FROM disputes WHERE id = ${disputeId}`.execute(db);
  return result.rows[0]!.rowid;
}

/** The list columns, with the owning unit and the lead mediator. */
function withSummaryColumns(db: Db) {
  return db
    .selectFrom('disputes as d')
    .innerJoin('org_units as o', 'o.id', 'd.org_unit_id')
    .leftJoin('dispute_mediators as dm', (join) =>
      join
        .onRef('dm.dispute_id', '=', 'd.id')
        .on('dm.role', '=', 'lead')
        .on('dm.deleted_at', 'is', null),
    )
    .leftJoin('mediators as m', 'm.id', 'dm.mediator_id')
    .select([
      'd.id',
      'd.case_no',
      'd.state',
      'd.type',
      'd.source',
      'd.risk_level',
      'd.party_names',
      'd.summary',
      'd.registered_on',
      'd.accepted_on',
      'd.due_date',
      'd.outcome',
      'd.concluded_on',
      'd.org_unit_id',
      'o.name as owner_name',
      'o.level as owner_level',
      'm.name as lead_name',
    ])
    .where('d.deleted_at', 'is', null);
}

export type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof withSummaryColumns>['executeTakeFirstOrThrow']>
>;

export async function summaryRows(db: Db, disputeIds: readonly string[]): Promise<SummaryRow[]> {
  if (disputeIds.length === 0) return [];
  return withSummaryColumns(db).where('d.id', 'in', disputeIds).execute();
}

/**
 * Every query shape goes through an index: the sequence number, a surname prefix on the parties' names,
 * the bigram table for two characters, the trigram table for three or more.
 */
function matches(query: string): Expression<SqlBool> {
  const characters = Array.from(query);
  if (/^\d{1,2}$/.test(query)) return sql<SqlBool>`d.case_seq = ${Number(query)}`;
  if (characters.length === 1) {
    const [from, to] = surnameRange(query);
    return sql<SqlBool>`d.id IN (SELECT dispute_id FROM dispute_parties WHERE name >= ${from} AND name < ${to} AND deleted_at IS NULL)`;
  }
  if (characters.length === 2) {
    return sql<SqlBool>`d.rowid IN (SELECT dispute_rowid FROM dispute_bigrams WHERE bigram = ${searchForm(query)})`;
  }
  const fts = sql<SqlBool>`d.rowid IN (SELECT rowid FROM disputes_fts WHERE disputes_fts MATCH ${ftsPhrase(query)})`;
  return /^\d+$/.test(query) ? sql<SqlBool>`(${fts} OR d.case_seq = ${Number(query)})` : fts;
}

function filtered(db: Db, filters: DisputeFilters) {
  const readerOf = db
    .selectFrom('dispute_readers as r')
    .select('r.dispute_id')
    .where('r.reader_org_id', 'in', filters.scope)
    .where('r.deleted_at', 'is', null);
  return db
    .selectFrom('disputes as d')
    .where('d.deleted_at', 'is', null)
    .where((eb) => {
      const owned = eb('d.org_unit_id', 'in', filters.scope);
      const read = eb('d.id', 'in', readerOf);
      const conditions: Expression<SqlBool>[] = [
        filters.access === 'owner'
          ? owned
          : filters.access === 'reader'
            ? eb.and([read, eb.not(owned)])
            : eb.or([owned, read]),
      ];
      if (filters.query) conditions.push(matches(filters.query));
      if (filters.types.length > 0) conditions.push(eb('d.type', 'in', filters.types));
      if (filters.states.length > 0) conditions.push(eb('d.state', 'in', filters.states));
      if (filters.riskLevels.length > 0) {
        conditions.push(eb('d.risk_level', 'in', filters.riskLevels as never));
      }
      if (filters.from) conditions.push(eb('d.registered_on', '>=', filters.from));
      if (filters.to) conditions.push(eb('d.registered_on', '<=', filters.to));
      const deadline = filters.deadline;
      if (deadline) {
        // Only a running clock warns: the states the dashboard reads, on the same index.
        conditions.push(eb('d.state', 'in', ['accepted', 'mediating']));
        conditions.push(
          deadline.status === 'overdue'
            ? eb('d.due_date', '<', deadline.today)
            : eb.and([
                eb('d.due_date', '>=', deadline.today),
                eb('d.due_date', '<=', deadline.soonUntil),
              ]),
        );
      }
      return eb.and(conditions);
    });
}

interface DisputePage {
  rows: DisputePageRow[];
  /** Exact up to the cap; past it, the cap, and `isLowerBound`. */
  total: number;
  isLowerBound: boolean;
}

/**
 * A page of the list. Without a search it walks each unit's index in sort order (list-walk.ts); a
 * search starts from its own index, whose matches are few, and sorts them, but for a common surname
 * (surname-walk.ts). Either way the total is counted to `cap` + 1 and no further: LIST_TOTAL_CAP
 * for the list, SEARCH_TOTAL_CAP for a search.
 * A seek (a page near an anchored one) applies to the walks; a search pages by offset.
 */
export async function listDisputes(
  db: Db,
  filters: DisputeFilters,
  sort: DisputeSort,
  limit: number,
  offset: number,
  cap = filters.query ? SEARCH_TOTAL_CAP : LIST_TOTAL_CAP,
  seek: PageSeek | null = null,
): Promise<DisputePage> {
  let rows: DisputePageRow[];
  let counted: number;
  if (!filters.query) {
    const page = (present: PresentIndexes) =>
      walkPageQuery(filters, sort, limit, offset, present, seek);
    rows = (await executeNaming(db, page)).rows;
    counted = (await walkCountQuery(filters, cap).execute(db)).rows[0]?.total ?? 0;
  } else if (isSurname(filters.query) && (await surnameIsCommon(db, filters.query))) {
    const walked = await pageBySurnameWalk(db, filters, sort, offset + limit);
    const ids = walked
      ? walked.slice(offset)
      : await sortedMatches(db, filters, sort, limit, offset);
    rows = await positionsOf(db, ids, sort);
    counted = (await surnameCountQuery(filters, cap).execute(db)).rows[0]?.total ?? 0;
  } else {
    rows = await positionsOf(db, await sortedMatches(db, filters, sort, limit, offset), sort);
    const { total } = await db
      .selectFrom(
        filtered(db, filters)
          .select(sql`1`.as('one'))
          .limit(cap + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    counted = Number(total);
  }
  return counted > cap
    ? { rows, total: cap, isLowerBound: true }
    : { rows, total: counted, isLowerBound: false };
}

/** A search's page with each dispute's sort position, for the page's cursors, in the page's order. */
async function positionsOf(
  db: Db,
  ids: readonly string[],
  sort: DisputeSort,
): Promise<DisputePageRow[]> {
  if (ids.length === 0) return [];
  const [k, k2] = keyColumns(sort);
  const found = await db
    .selectFrom('disputes as d')
    .select([
      'd.id',
      sql<number>`d.rowid`.as('rid'),
      sql<string | number | null>`${k}`.as('k'),
      sql<number | null>`${k2 ?? sql`NULL`}`.as('k2'),
    ])
    .where('d.id', 'in', ids)
    .execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A search's matches, read from its index and sorted whole. */
export async function sortedMatches(
  db: Db,
  filters: DisputeFilters,
  sort: DisputeSort,
  limit: number,
  offset: number,
): Promise<string[]> {
  const rows = await filtered(db, filters)
    .select('d.id')
    .orderBy(disputeOrder(sort))
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => row.id);
}

/** For EXPLAIN QUERY PLAN in the tests: the SQL the list runs for these filters. */
export function listQuerySql(db: Db, filters: DisputeFilters) {
  const sort: DisputeSort = { sortBy: 'registeredOn', sortDir: 'desc' };
  if (!filters.query) return walkPageQuery(filters, sort, 20, 0, EVERY_INDEX).compile(db);
  return filtered(db, filters).select('d.id').orderBy(disputeOrder(sort)).limit(20).compile();
}
