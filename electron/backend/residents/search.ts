import { sql, type RawBuilder } from 'kysely';
import { SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import { DOCUMENTS_MASKED_AS_ID } from '@shared/domain/privacy/masking';
import { VIEW_COLUMNS, VIEW_SOURCE, viewsByRowid, type ResidentViewRow } from './repository';
import { withinScope, type ResidentScope, type VillageScope } from './scope';
import type { ResidentSearch } from './search-query';
import type { Db } from '../db/queryable';
import { valueList } from '../core/value-list-sql';

/**
 * The residents search as SQL, one shape per kind of query, each starting from its own index and
 * reading residents by rowid, so that a page costs the same at 300 000 residents as at 300. The
 * builders are exported for the tests that check the plans.
 */

type Ranged = Exclude<ResidentSearch, { kind: 'document' }>;

const REGISTER: ResidentScope = { kind: 'register' };

/** The next string after every string that starts with `prefix`, for a prefix range on an index. */
function after(prefix: string): string {
  const characters = Array.from(prefix);
  const last = characters.pop()!;
  return characters.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

interface Plan {
  /** FROM … WHERE … without the view's columns. */
  from: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  /**
   * FROM … WHERE … of the count, kept inside the search index: the name and initials indexes hold
   * live residents only, and a tombstoned resident is taken out of the bigram and full-text indexes
   * (unindexResident), so the count never reads the matching rows.
   */
  count: RawBuilder<unknown>;
}

/**
 * A village's newest residents, walked on its own resident_access entries in rowid order: a small
 * village's page does not scan the register for its few residents. One unit only, since a resident
 * listed under two units would be listed twice; several units take the common walk.
 */
function latestOfVillage(scope: VillageScope): Plan {
  const where = sql`a.unit_id = ${scope.units[0]} AND r.deleted_at IS NULL`;
  return {
    from: sql`resident_access a CROSS JOIN residents r ON r.rowid = a.resident_rowid
      LEFT JOIN org_units v ON v.id = r.village_org_id WHERE ${where}`,
    order: sql`a.resident_rowid DESC`,
    count: sql`resident_access a CROSS JOIN residents r ON r.rowid = a.resident_rowid WHERE ${where}`,
  };
}

/** A plan read from residents itself, whose count reads the rows its pages do. */
function onResidents(where: RawBuilder<unknown>, order: RawBuilder<unknown>): Plan {
  return {
    from: sql`${VIEW_SOURCE} WHERE ${where}`,
    order,
    count: sql`residents r WHERE ${where}`,
  };
}

/**
 * Each plan narrows to the caller's scope (scope.ts) on the rowid its index already carries, so a
 * village's search stays on the same index as the township's, with one probe per candidate.
 */
function plan(search: Ranged, scope: ResidentScope): Plan {
  const inScope = withinScope(scope, sql`r.rowid`);
  switch (search.kind) {
    case 'latest':
      if (scope.kind === 'villages' && scope.units.length === 1) return latestOfVillage(scope);
      return onResidents(sql`r.deleted_at IS NULL ${inScope}`, sql`r.rowid DESC`);
    case 'idPrefix': {
      // residents_document, in its own order: the ID-like types, then the number.
      const types = valueList(DOCUMENTS_MASKED_AS_ID);
      const where = sql`r.doc_type IN (${types}) AND r.doc_number >= ${search.prefix}
        AND r.doc_number < ${after(search.prefix)} AND r.deleted_at IS NULL ${inScope}`;
      return onResidents(where, sql`r.doc_type, r.doc_number`);
    }
    case 'initials': {
      // The partial index residents_live_initials: the count never reads a row.
      const where = sql`r.initials >= ${search.prefix} AND r.initials < ${after(search.prefix)}
        AND r.deleted_at IS NULL ${inScope}`;
      return onResidents(where, sql`r.initials, r.rowid`);
    }
    case 'namePrefix': {
      const where = sql`r.name >= ${search.text} AND r.name < ${after(search.text)}
        AND r.deleted_at IS NULL ${inScope}`;
      return onResidents(where, sql`r.name, r.rowid`);
    }
    case 'bigram':
      // CROSS JOIN keeps SQLite starting from the bigram and reading residents by rowid.
      return {
        from: sql`resident_bigrams b CROSS JOIN residents r ON r.rowid = b.resident_rowid
          LEFT JOIN org_units v ON v.id = r.village_org_id
          WHERE b.bigram = ${search.text} AND r.deleted_at IS NULL
          ${withinScope(scope, sql`b.resident_rowid`)}`,
        order: sql`b.resident_rowid DESC`,
        count: sql`resident_bigrams b WHERE b.bigram = ${search.text}
          ${withinScope(scope, sql`b.resident_rowid`)}`,
      };
    case 'fulltext': {
      const inFtsScope = withinScope(scope, sql`residents_fts.rowid`);
      return {
        from: sql`residents_fts CROSS JOIN residents r ON r.rowid = residents_fts.rowid
          LEFT JOIN org_units v ON v.id = r.village_org_id
          WHERE residents_fts MATCH ${search.match} ${inFtsScope} AND r.deleted_at IS NULL`,
        order: sql`residents_fts.rowid DESC`,
        count: sql`residents_fts WHERE residents_fts MATCH ${search.match} ${inFtsScope}`,
      };
    }
  }
}

export function pageQuery(
  search: Ranged,
  limit: number,
  offset: number,
  scope: ResidentScope = REGISTER,
): RawBuilder<ResidentViewRow> {
  const { from, order } = plan(search, scope);
  return sql<ResidentViewRow>`SELECT ${VIEW_COLUMNS} FROM ${from}
    ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Counts to `cap` + 1 and stops: a two-character query common in addresses (瓯北, 社区) matches most
 * of the register, and counting it all holds the backend for a number nobody pages through.
 */
export function countQuery(
  search: Ranged,
  cap: number,
  scope: ResidentScope = REGISTER,
): RawBuilder<{ total: number }> {
  return sql<{ total: number }>`SELECT count(*) AS total FROM (SELECT 1 FROM
    ${plan(search, scope).count} LIMIT ${cap + 1})`;
}

interface SearchPage {
  rows: ResidentViewRow[];
  /**
   * Exact up to the cap (SEARCH_TOTAL_CAP, which also bounds browsing the register with no search
   * term: lookup-service.ts); past it, the cap, and `isLowerBound`.
   */
  total: number;
  isLowerBound: boolean;
}

/**
 * The full-text matches, newest first, up to `limit`: FTS5 reads its rowids in order and stops. A
 * trigram query of digits (part of a number) intersects long lists; run once, it gives both the
 * page and the count.
 */
export function fulltextRowidsQuery(
  match: string,
  limit: number,
  scope: ResidentScope = REGISTER,
): RawBuilder<{ rowid: number }> {
  const { count } = plan({ kind: 'fulltext', match }, scope);
  return sql<{ rowid: number }>`SELECT residents_fts.rowid AS rowid FROM ${count}
    ORDER BY residents_fts.rowid DESC LIMIT ${limit}`;
}

function capped(rows: ResidentViewRow[], counted: number, cap: number): SearchPage {
  return counted > cap
    ? { rows, total: cap, isLowerBound: true }
    : { rows, total: counted, isLowerBound: false };
}

export async function searchPage(
  db: Db,
  search: Ranged,
  limit: number,
  offset: number,
  scope: ResidentScope = REGISTER,
  cap = SEARCH_TOTAL_CAP,
): Promise<SearchPage> {
  if (search.kind === 'fulltext') {
    const query = fulltextRowidsQuery(search.match, Math.max(cap + 1, offset + limit), scope);
    const rowids = (await query.execute(db)).rows.map((row) => row.rowid);
    const rows = await viewsByRowid(db, rowids.slice(offset, offset + limit));
    return capped(rows, rowids.length, cap);
  }
  const rows = (await pageQuery(search, limit, offset, scope).execute(db)).rows;
  const counted = (await countQuery(search, cap, scope).execute(db)).rows[0]?.total ?? 0;
  return capped(rows, counted, cap);
}
