import { sql } from 'kysely';
import type { VersionRow } from './fields';
import type { Db } from '../db/queryable';

/*
 * The catalogue is a few dozen to a few hundred rows: the list is read whole per call and filtered
 * with plain comparisons, which costs less than keeping a search index for it.
 */

export async function findItem(db: Db, id: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/**
 * Codes compare without case, as the catalogue rules do: ZJ-XZ-0001 and zj-xz-0001 are one item.
 * A county item and a township's own item may share a code (the township had it first); the county's
 * wins the code, its issuer's division code being the shortest.
 */
export async function findItemByCode(db: Db, code: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where(sql<string>`upper(code)`, '=', code.toUpperCase())
    .where('deleted_at', 'is', null)
    .orderBy(sql`length(issuer_code)`)
    .executeTakeFirst();
}

function versionQuery(db: Db) {
  return db
    .selectFrom('service_item_versions as v')
    .innerJoin('service_items as i', 'i.id', 'v.item_id')
    .select([
      'v.id',
      'v.item_id',
      'v.number',
      'i.code',
      'v.name',
      'v.category',
      'v.department',
      'v.type',
      'v.promised_days',
      'v.statutory_days',
      'v.fee_fen',
      'v.agency_allowed',
      'v.basis',
      'v.materials',
      'v.created_at',
    ]);
}

export async function findVersion(db: Db, versionId: string): Promise<VersionRow | undefined> {
  return versionQuery(db).where('v.id', '=', versionId).executeTakeFirst();
}

/** Every item with its current version, for the export and the import's comparison. */
export async function listCurrentVersions(db: Db) {
  return versionQuery(db)
    .innerJoin('service_items as cur', 'cur.current_version_id', 'v.id')
    .select(['cur.active', 'cur.aliases', 'cur.issuer_code', 'cur.version as item_version'])
    .where('i.deleted_at', 'is', null)
    .orderBy('i.code')
    .execute();
}

export async function listVersionHeads(db: Db, itemId: string) {
  return db
    .selectFrom('service_item_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.number', 'v.created_at', 'u.display_name as created_by_name'])
    .where('v.item_id', '=', itemId)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function lastVersionNumber(db: Db, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('service_item_versions')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.last ?? 0;
}

export interface SummaryFilter {
  includeInactive: boolean;
  agencyOnly: boolean;
  category?: string | undefined;
  search:
    | { kind: 'none' }
    | { kind: 'code'; text: string; initials: string }
    | { kind: 'name'; text: string };
}

export async function listSummaries(db: Db, filter: SummaryFilter) {
  let query = db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', 'v.id', 'i.current_version_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.category',
      'i.active',
      'i.aliases',
      'i.issuer_code',
      'v.department',
      'v.type',
      'v.promised_days',
      'v.agency_allowed',
      'v.id as version_id',
      'v.number as version_number',
    ])
    .where('i.deleted_at', 'is', null);
  if (!filter.includeInactive) query = query.where('i.active', '=', 1);
  if (filter.agencyOnly) query = query.where('v.agency_allowed', '=', 1);
  if (filter.category) query = query.where('i.category', '=', filter.category);
  const search = filter.search;
  // Substring matches walk the table; the table is small (see above), so no index is needed, and
  // initials match anywhere in a name (ylbx in cxjmjbylbxcbdj), as clerks abbreviate its middle.
  if (search.kind === 'code') {
    const code = search.text.toUpperCase();
    query = query.where((eb) =>
      eb.or([
        ...(search.initials === ''
          ? []
          : [
              eb(sql<number>`instr(i.initials, ${search.initials})`, '>', 0),
              // Space-separated: an initials query has no space, so it never spans two aliases.
              eb(sql<number>`instr(i.alias_initials, ${search.initials})`, '>', 0),
            ]),
        eb(sql<string>`substr(upper(i.code), 1, ${code.length})`, '=', code),
        // Digits are typed from the end of a code as often as from its start (0042).
        ...(/\d/.test(code) ? [eb(sql<number>`instr(upper(i.code), ${code})`, '>', 0)] : []),
      ]),
    );
  } else if (search.kind === 'name') {
    query = query.where((eb) =>
      eb.or([
        eb(sql<number>`instr(i.name, ${search.text})`, '>', 0),
        eb.exists(
          sql`(SELECT 1 FROM json_each(i.aliases) WHERE instr(json_each.value, ${search.text}) > 0)`,
        ),
      ]),
    );
  }
  return query.execute();
}

export type SummaryRow = Awaited<ReturnType<typeof listSummaries>>[number];
