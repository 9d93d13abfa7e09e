import { sql } from 'kysely';
import type { PushEntry } from '@shared/sync/records-contract';
import type { Trx } from './record-store';

/*
 * One person, one resident record across the county (issue 15 item 1), by the rule the terminals
 * apply to what they pull (electron/backend/hub/pull/resident-merge.ts): of two records of one
 * document the smaller id survives. A pushed resident whose document the county already holds live
 * under a smaller id is stored as a tombstone and kept as an alias of that record; the entries of
 * this push and of later ones that name an alias name the survivor instead. Decided before the push
 * is planned, so that authorisation, merge and routing see the entries as they will be stored.
 */

/** The columns that name a resident (every REFERENCES residents(id) of the terminal's schema). */
const RESIDENT_REFERENCES: ReadonlySet<string> = new Set(['cases', 'dispute_parties']);

type Document = { docType: string; docNumber: string };

const documentKey = ({ docType, docNumber }: Document) => `${docType}\u0000${docNumber}`;

function pushedDocument(entry: PushEntry): Document | null {
  if (entry.table !== 'residents' || entry.op !== 'insert') return null;
  const { doc_type: docType, doc_number: docNumber, deleted_at: deletedAt } = entry.columns;
  if (deletedAt != null || typeof docType !== 'string' || typeof docNumber !== 'string')
    return null;
  return { docType, docNumber };
}

/** The smallest live id per document among the county's residents. */
async function liveHolders(
  trx: Trx,
  countyCode: string,
  documents: Document[],
): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('sync_records')
    .select([
      'record_id',
      sql<string>`columns ->> 'doc_type'`.as('doc_type'),
      sql<string>`columns ->> 'doc_number'`.as('doc_number'),
    ])
    .where('county_code', '=', countyCode)
    .where('table_name', '=', 'residents')
    .where('deleted', '=', false)
    .where(
      sql<boolean>`(columns ->> 'doc_type', columns ->> 'doc_number') IN (${sql.join(
        documents.map((d) => sql`(${d.docType}, ${d.docNumber})`),
      )})`,
    )
    .execute();
  const holders = new Map<string, string>();
  for (const row of rows) {
    const key = documentKey({ docType: row.doc_type, docNumber: row.doc_number });
    const known = holders.get(key);
    if (known === undefined || row.record_id < known) holders.set(key, row.record_id);
  }
  return holders;
}

async function knownAliases(
  trx: Trx,
  countyCode: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('sync_resident_aliases')
    .select(['alias_id', 'resident_id'])
    .where('county_code', '=', countyCode)
    .where('alias_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.alias_id, row.resident_id]));
}

/**
 * The entries as the hub applies them: a pushed duplicate of a known person as a tombstone, and
 * records naming a merged resident re-pointed to the survivor. The new aliases it finds come back
 * apart: the push stores only those whose insert it then applied (storeAliases), so that a refused
 * entry, or an insert of a record the hub already holds, never re-points anyone. A pushed resident
 * with the smaller id leaves the county's other record live: the terminals that see both merge them,
 * and their tombstone comes up with their next push.
 */
export async function mergeResidents(
  trx: Trx,
  countyCode: string,
  entries: PushEntry[],
  now: Date,
): Promise<{ entries: PushEntry[]; newAliases: Map<string, string> }> {
  const aliases = new Map<string, string>();
  const pushed = entries.flatMap((entry) => {
    const document = pushedDocument(entry);
    return document ? [{ entry, document }] : [];
  });
  if (pushed.length > 0) {
    const holders = await liveHolders(
      trx,
      countyCode,
      pushed.map((p) => p.document),
    );
    for (const { entry, document } of pushed) {
      const holder = holders.get(documentKey(document));
      if (holder !== undefined && holder < entry.recordId) aliases.set(entry.recordId, holder);
    }
  }
  const newAliases = new Map(aliases);
  const named = entries.flatMap((entry) => {
    const id = entry.columns.resident_id;
    return RESIDENT_REFERENCES.has(entry.table) && typeof id === 'string' && !aliases.has(id)
      ? [id]
      : [];
  });
  for (const [aliasId, residentId] of await knownAliases(trx, countyCode, [...new Set(named)])) {
    aliases.set(aliasId, residentId);
  }
  if (aliases.size === 0) return { entries, newAliases };
  const deletedAt = now.toISOString();
  const merged = entries.map((entry) => {
    if (entry.table === 'residents' && entry.op === 'insert' && aliases.has(entry.recordId)) {
      return { ...entry, columns: { ...entry.columns, deleted_at: deletedAt } };
    }
    const id = entry.columns.resident_id;
    if (RESIDENT_REFERENCES.has(entry.table) && typeof id === 'string' && aliases.has(id)) {
      return { ...entry, columns: { ...entry.columns, resident_id: aliases.get(id)! } };
    }
    return entry;
  });
  return { entries: merged, newAliases };
}

/** Stores the aliases of `applied` inserts (ids of resident records the push created). */
export async function storeAliases(
  trx: Trx,
  countyCode: string,
  newAliases: ReadonlyMap<string, string>,
  applied: (aliasId: string) => boolean,
  now: Date,
): Promise<void> {
  const rows = [...newAliases]
    .filter(([aliasId]) => applied(aliasId))
    .map(([aliasId, residentId]) => ({
      county_code: countyCode,
      alias_id: aliasId,
      resident_id: residentId,
      merged_at: now,
    }));
  if (rows.length === 0) return;
  await trx
    .insertInto('sync_resident_aliases')
    .values(rows)
    .onConflict((oc) => oc.columns(['county_code', 'alias_id']).doNothing())
    .execute();
}
