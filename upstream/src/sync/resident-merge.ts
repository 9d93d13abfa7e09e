import { sql } from 'kysely';
import { formatHlc, parseHlc, tick } from '@shared/sync/hlc';
import { compareVersions, HUB_VERSION_NODE, mergeEntry } from '@shared/sync/merge';
import { fillFromLoser } from '@shared/sync/resident-fill';
import type { PushEntry } from '@shared/sync/records-contract';
import type { PlannedConflict } from './push-plan';
import { loadRecords, loadVisibility, recordKey, type HubRecord, type Trx } from './record-store';
import type { Columns } from './routing';

/*
 * One person, one resident record across the county (issue 15 item 1), by the rule the terminals
 * apply to what they pull (electron/backend/hub/pull/resident-merge.ts): of two records of one
 * document the smaller id survives. A pushed resident whose document the county already holds live
 * under a smaller id is stored as a tombstone and kept as an alias of that record; the entries of
 * this push and of later ones that name an alias name the survivor instead. Decided before the push
 * is planned, so that authorisation, merge and routing see the entries as they will be stored. A
 * pushed resident older than the county's live record of its document is the survivor, and the
 * county's record the loser (mergeIntoPushed, once the push is planned and the insert is known to
 * be applied).
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

/**
 * Namespace of the advisory locks on documents (the first key of pg_advisory_xact_lock(int, int)),
 * the number, so that no other lock of the hub can take the same pair.
 */
const DOCUMENT_LOCK_CLASS = 15;

/**
 * Serialises the pushes that create residents of one document: two terminals pushing a new record
 * of one person at the same moment would each see no live record of the other (read committed, the
 * other's insert not yet committed), and both would stay live. Taken before the look-up and held to
 * the commit, so the second push's look-up, a statement of its own with a fresh snapshot, sees the
 * first's record and merges. Locked in the order of the lock keys, so that two pushes of several
 * documents never wait on each other crosswise; taken after the terminal's progress row and before
 * any record is read for update, the same order in every push (db/retry-deadlock.ts retries what is
 * left). One statement per push, whatever its number of residents; a collision of two documents'
 * hashes only makes their pushes wait for each other.
 */
async function lockDocuments(trx: Trx, countyCode: string, documents: Document[]): Promise<void> {
  const unique = [...new Map(documents.map((d) => [documentKey(d), d])).values()];
  // The key joins with the unit separator (PostgreSQL text holds no NUL). A volatile select list is
  // evaluated after the ORDER BY's sort.
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(DOCUMENT_LOCK_CLASS)}, h)
    FROM (SELECT DISTINCT hashtext(concat_ws(chr(31), c."county_code", d.doc_type, d.doc_number)) AS h
          FROM (SELECT ${countyCode}::text AS "county_code") AS c,
               unnest(${unique.map((d) => d.docType)}::text[],
                      ${unique.map((d) => d.docNumber)}::text[]) AS d(doc_type, doc_number)) AS locks
    ORDER BY h`.execute(trx);
}

/**
 * The county's live residents holding one of `documents`, each with its document: one look-up of
 * the document index per document, on type and number. A lateral subquery kept apart by OFFSET 0,
 * so that the plan cannot depend on the statistics: as a list of (type, number) pairs, a table not
 * yet analysed (a new hub, the first minutes of a bench) was read on the index by type alone, and
 * nearly every resident has the same type (身份证), so every push read all the county's residents.
 */
export function liveResidentsHolding(countyCode: string, documents: Document[]) {
  const distinct = [...new Map(documents.map((d) => [documentKey(d), d])).values()];
  const list = (pick: (d: Document) => string) => JSON.stringify(distinct.map(pick));
  return sql<{ record_id: string; doc_type: string; doc_number: string }>`
    SELECT r.record_id, d.doc_type, d.doc_number
    FROM ROWS FROM (
      json_array_elements_text(${list((d) => d.docType)}::json),
      json_array_elements_text(${list((d) => d.docNumber)}::json)
    ) AS d(doc_type, doc_number)
    CROSS JOIN LATERAL (
      SELECT record_id FROM sync_records
      WHERE "county_code" = ${countyCode} AND table_name = 'residents' AND NOT deleted
        AND columns ->> 'doc_type' = d.doc_type AND columns ->> 'doc_number' = d.doc_number
      OFFSET 0
    ) AS r`;
}

/** The smallest live id per document among the county's residents. */
async function liveHolders(
  trx: Trx,
  countyCode: string,
  documents: Document[],
): Promise<Map<string, string>> {
  const { rows } = await liveResidentsHolding(countyCode, documents).execute(trx);
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
 * with the smaller id is the survivor instead: mergeIntoPushed, once the push is planned. Updates
 * of a merged record come back apart too (aliasEdits, alias → survivor), stripped of any deleted_at
 * so that none brings it back; carryAliasEdits takes them to the survivor once they are planned.
 */
export async function mergeResidents(
  trx: Trx,
  countyCode: string,
  entries: PushEntry[],
  now: Date,
): Promise<{
  entries: PushEntry[];
  newAliases: Map<string, string>;
  aliasEdits: Map<string, string>;
}> {
  const aliases = new Map<string, string>();
  const pushed = entries.flatMap((entry) => {
    const document = pushedDocument(entry);
    return document ? [{ entry, document }] : [];
  });
  if (pushed.length > 0) {
    await lockDocuments(
      trx,
      countyCode,
      pushed.map((p) => p.document),
    );
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
  const edited = new Set(
    entries.flatMap((entry) =>
      entry.table === 'residents' && entry.op === 'update' ? [entry.recordId] : [],
    ),
  );
  const aliasEdits = new Map<string, string>();
  for (const [aliasId, residentId] of await knownAliases(trx, countyCode, [
    ...new Set([...named, ...edited]),
  ])) {
    aliases.set(aliasId, residentId);
    if (edited.has(aliasId)) aliasEdits.set(aliasId, residentId);
  }
  if (aliases.size === 0) return { entries, newAliases, aliasEdits };
  const deletedAt = now.toISOString();
  const merged = entries.map((entry) => {
    if (entry.table === 'residents' && entry.op === 'insert' && aliases.has(entry.recordId)) {
      return { ...entry, columns: { ...entry.columns, deleted_at: deletedAt } };
    }
    // An update of a duplicate this push inserts is stripped too: it follows the tombstoning insert.
    const alias = aliasEdits.has(entry.recordId) || newAliases.has(entry.recordId);
    if (alias && entry.op === 'update' && entry.table === 'residents') return withoutRevival(entry);
    const id = entry.columns.resident_id;
    if (RESIDENT_REFERENCES.has(entry.table) && typeof id === 'string' && aliases.has(id)) {
      return { ...entry, columns: { ...entry.columns, resident_id: aliases.get(id)! } };
    }
    return entry;
  });
  return { entries: merged, newAliases, aliasEdits };
}

/** A merged record is never brought back: the person lives on in the survivor. */
function withoutRevival(entry: PushEntry): PushEntry {
  if (!('deleted_at' in entry.columns)) return entry;
  const { deleted_at: _revived, ...columns } = entry.columns;
  return { ...entry, columns };
}

/**
 * Edits of residents that another push merged away while this one waited for their rows:
 * mergeResidents read the aliases before loadRecords locked the records, so a merge committed in
 * between (a terminal pushing the older record of the person at that moment) was not seen there,
 * and the edit would stay on the tombstone, with a deleted_at conflict that brings the duplicate
 * back. Read again once the rows are locked, only for edits of records now deleted and not known
 * as merged; they join `aliasEdits` and lose their deleted_at as in mergeResidents.
 */
export async function aliasEditsMergedMeanwhile(
  trx: Trx,
  countyCode: string,
  entries: PushEntry[],
  records: ReadonlyMap<string, HubRecord>,
  aliasEdits: Map<string, string>,
): Promise<PushEntry[]> {
  const isLate = (entry: PushEntry) =>
    entry.table === 'residents' &&
    entry.op === 'update' &&
    !aliasEdits.has(entry.recordId) &&
    records.get(recordKey('residents', entry.recordId))?.deleted === true;
  const late = [...new Set(entries.filter(isLate).map((entry) => entry.recordId))];
  if (late.length === 0) return entries;
  const found = await knownAliases(trx, countyCode, late);
  if (found.size === 0) return entries;
  for (const [aliasId, residentId] of found) aliasEdits.set(aliasId, residentId);
  return entries.map((entry) =>
    entry.table === 'residents' && entry.op === 'update' && found.has(entry.recordId)
      ? withoutRevival(entry)
      : entry,
  );
}

/**
 * Stores the aliases of `applied` inserts (ids of resident records the push created), and returns
 * them, alias → survivor.
 */
export async function storeAliases(
  trx: Trx,
  countyCode: string,
  newAliases: ReadonlyMap<string, string>,
  applied: (aliasId: string) => boolean,
  now: Date,
): Promise<Map<string, string>> {
  const stored = new Map([...newAliases].filter(([aliasId]) => applied(aliasId)));
  if (stored.size === 0) return stored;
  await trx
    .insertInto('sync_resident_aliases')
    .values(
      [...stored].map(([aliasId, residentId]) => ({
        county_code: countyCode,
        alias_id: aliasId,
        resident_id: residentId,
        merged_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['county_code', 'alias_id']).doNothing())
    .execute();
  return stored;
}

/** Whether the pushing terminal may change a record of the unit `owner` (scope.ts, mayMergeInto). */
export type MayChange = (owner: string) => boolean;

/**
 * The survivors of the aliases this push created take the empty fields their pushed duplicates
 * filled in (shared/sync/resident-fill.ts), each as a change of the hub's own; returns the changed
 * survivors (recordKey), loaded and locked into `records`. A survivor of a unit the pusher may not
 * change takes nothing, and no conflict is opened for it either: the fill is no edit anyone made
 * of the person, only another unit's registration, which stays on the pusher's own record; as a
 * conflict it would let anyone who knows a document number fill the owner's list of choices.
 */
export async function fillFromPushedAliases(
  trx: Trx,
  countyCode: string,
  records: Map<string, HubRecord>,
  stored: ReadonlyMap<string, string>,
  mayChange: MayChange,
): Promise<string[]> {
  if (stored.size === 0) return [];
  const wanted = [...new Set(stored.values())]
    .map((recordId) => ({ table: 'residents', recordId }))
    .filter(({ table, recordId }) => !records.has(recordKey(table, recordId)));
  for (const [key, record] of await loadRecords(trx, countyCode, wanted)) records.set(key, record);
  const changed: string[] = [];
  for (const [aliasId, survivorId] of [...stored].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const loser = records.get(recordKey('residents', aliasId));
    const survivor = records.get(recordKey('residents', survivorId));
    if (!survivor || !mayChange(survivor.orgUnitId)) continue;
    const key = loser && fillSurvivor(records, survivorId, loser);
    if (key) changed.push(key);
  }
  return changed;
}

/** The survivor with the fields it takes from `loser`: its key when it took any. */
function fillSurvivor(
  records: Map<string, HubRecord>,
  survivorId: string,
  loser: HubRecord,
): string | null {
  const key = recordKey('residents', survivorId);
  const survivor = records.get(key);
  if (!survivor || survivor.deleted) return null;
  const fill = fillFromLoser(survivor.columns, loser.columns);
  const columns = Object.keys(fill);
  if (columns.length === 0) return null;
  records.set(key, stampedByHub(survivor, fill, columns));
  return key;
}

/** The hub's own change of a record it merges: one step past the record's version, by the hub. */
function hubVersion(version: string): string {
  const stamp = parseHlc(version);
  return formatHlc(tick({ ...stamp, node: HUB_VERSION_NODE }, stamp.wall));
}

function stampedByHub(record: HubRecord, columns: Columns, changed: string[]): HubRecord {
  const version = hubVersion(record.version);
  const fieldVersions = { ...record.fieldVersions };
  for (const column of changed) fieldVersions[column] = version;
  return { ...record, version, columns: { ...record.columns, ...columns, version }, fieldVersions };
}

/** Live residents holding one of `documents` under another id, as "doc key" → ids. */
async function liveNamesakes(
  trx: Trx,
  countyCode: string,
  survivors: { id: string; document: Document }[],
): Promise<Map<string, string[]>> {
  const ids = new Set(survivors.map((s) => s.id));
  const { rows } = await liveResidentsHolding(
    countyCode,
    survivors.map((s) => s.document),
  ).execute(trx);
  const byDocument = new Map<string, string[]>();
  for (const row of rows) {
    if (ids.has(row.record_id)) continue;
    const key = documentKey({ docType: row.doc_type, docNumber: row.doc_number });
    byDocument.set(key, [...(byDocument.get(key) ?? []), row.record_id]);
  }
  return byDocument;
}

/**
 * The live cases and dispute parties naming one of `residentIds` (distinct), on the index of the
 * resident they name (migration 2026_12_09_0140), not by reading every case of the county; one
 * look-up per id, as in liveResidentsHolding.
 */
export function recordsNaming(countyCode: string, residentIds: string[]) {
  return sql<{ table_name: string; record_id: string }>`
    SELECT r.table_name, r.record_id
    FROM json_array_elements_text(${JSON.stringify(residentIds)}::json) AS n(resident_id)
    CROSS JOIN LATERAL (
      SELECT table_name, record_id FROM sync_records
      WHERE "county_code" = ${countyCode} AND table_name IN ('cases', 'dispute_parties')
        AND NOT deleted AND columns ->> 'resident_id' = n.resident_id
      OFFSET 0
    ) AS r`;
}

export interface HubMerge {
  /** The losers' tombstones and the records re-pointed from them (recordKey), in `records`. */
  changed: string[];
  /** Survivor → the units that saw one of its losers: they see the survivor from now on. */
  readers: Map<string, Set<string>>;
}

/**
 * The older record pushed second: a resident this push created, live, whose document the county
 * holds live under a larger id (a record another terminal registered later and pushed first). The
 * hub applies the rule itself rather than leave both live until a terminal that sees both merges
 * them, which a unit that sees only one never does: the county's record is tombstoned and kept as
 * an alias of the pushed one, the live cases and dispute parties naming it are re-pointed and the
 * survivor takes the fields only the loser had (shared/sync/resident-fill.ts), each as a change of
 * the hub's own (one step past the record's version, so every terminal that holds it takes it),
 * and the units that saw the loser see the survivor. Their terminals then receive the
 * survivor before the loser's tombstone (its change number is the push's, the hub's changes come
 * after), and their own merge (electron/backend/hub/pull/resident-merge.ts) ends where the hub is.
 */
export async function mergeIntoPushed(
  trx: Trx,
  countyCode: string,
  records: Map<string, HubRecord>,
  created: HubRecord[],
  now: Date,
): Promise<HubMerge> {
  const merge: HubMerge = { changed: [], readers: new Map() };
  const survivors = created.flatMap((record) => {
    if (record.table !== 'residents' || record.deleted) return [];
    const { doc_type: docType, doc_number: docNumber } = record.columns;
    if (typeof docType !== 'string' || typeof docNumber !== 'string') return [];
    return [{ id: record.recordId, document: { docType, docNumber } }];
  });
  if (survivors.length === 0) return merge;
  const namesakes = await liveNamesakes(trx, countyCode, survivors);
  const survivorOf = new Map<string, string>();
  for (const { id, document } of survivors) {
    for (const other of namesakes.get(documentKey(document)) ?? []) {
      if (other > id) survivorOf.set(other, id);
    }
  }
  if (survivorOf.size === 0) return merge;
  const losers = [...survivorOf.keys()];

  const { rows: naming } = await recordsNaming(countyCode, losers).execute(trx);
  const wanted = [
    ...losers.map((recordId) => ({ table: 'residents', recordId })),
    ...naming.map((row) => ({ table: row.table_name, recordId: row.record_id })),
  ].filter(({ table, recordId }) => !records.has(recordKey(table, recordId)));
  for (const [key, record] of await loadRecords(trx, countyCode, wanted)) records.set(key, record);

  const deletedAt = now.toISOString();
  for (const loser of losers) {
    const key = recordKey('residents', loser);
    const record = records.get(key);
    if (!record || record.deleted) continue;
    const tombstone = stampedByHub(record, { deleted_at: deletedAt }, ['deleted_at']);
    records.set(key, { ...tombstone, deleted: true });
    merge.changed.push(key);
    const filled = fillSurvivor(records, survivorOf.get(loser)!, record);
    if (filled) merge.changed.push(filled);
  }
  for (const record of [...records.values()]) {
    const named = record.columns.resident_id;
    if (!RESIDENT_REFERENCES.has(record.table) || record.deleted || typeof named !== 'string')
      continue;
    const survivor = survivorOf.get(named);
    if (survivor === undefined) continue;
    const key = recordKey(record.table, record.recordId);
    records.set(key, stampedByHub(record, { resident_id: survivor }, ['resident_id']));
    merge.changed.push(key);
  }

  const seen = await loadVisibility(trx, countyCode, losers);
  for (const [loser, units] of seen) {
    const survivor = survivorOf.get(loser)!;
    const readers = merge.readers.get(survivor) ?? new Set<string>();
    for (const unit of units.keys()) readers.add(unit);
    merge.readers.set(survivor, readers);
  }
  await trx
    .insertInto('sync_resident_aliases')
    .values(
      [...survivorOf].map(([aliasId, residentId]) => ({
        county_code: countyCode,
        alias_id: aliasId,
        resident_id: residentId,
        merged_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['county_code', 'alias_id']).doNothing())
    .execute();
  // An alias of a loser is an alias of its survivor, so that every alias resolves in one step.
  const pairs = (pick: (pair: [string, string]) => string) =>
    JSON.stringify([...survivorOf].map(pick));
  await sql`
    UPDATE sync_resident_aliases AS a SET resident_id = m.survivor
    FROM ROWS FROM (
      json_array_elements_text(${pairs(([loser]) => loser)}::json),
      json_array_elements_text(${pairs(([, survivor]) => survivor)}::json)
    ) AS m(loser, survivor)
    WHERE a."county_code" = ${countyCode} AND a.resident_id = m.loser`.execute(trx);
  return merge;
}

/** What an edit of a merged record does not carry to its survivor: what names the record. */
const KEPT_ON_ALIAS: ReadonlySet<string> = new Set([
  'id',
  'org_unit_id',
  'deleted_at',
  'version',
  'updated_at',
  'updated_by',
]);

/**
 * The document the two records were merged by. Changed on the merged record (a mistyped number
 * corrected), it may mean the two are not one person: never taken, always put to a person.
 */
const DOCUMENT_COLUMNS: ReadonlySet<string> = new Set(['doc_type', 'doc_number']);

export interface CarriedEdits {
  /** The survivors the edits changed (recordKey), in `records`. */
  changed: string[];
  /** Conflicts the edits opened on the survivors (a value there the edit's writer never saw). */
  conflicts: PlannedConflict[];
  /**
   * Conflicts opened on survivors of units the pusher may not change: stored for their owners,
   * never counted in the push's answer, which would tell whether a guessed value matched.
   */
  ownersConflicts: PlannedConflict[];
}

/**
 * An edit of a resident merged away, made at a terminal before the merge reached it (an offline
 * clerk correcting the phone of the record she had open). The alias took the edit in the plan as any
 * tombstone does, where it would have opened a conflict on deleted_at whose "not deleted" side
 * brings the duplicate back; the caller drops that conflict, and here the edit goes to the survivor
 * instead. Its writer saw the alias, never the survivor, so the edit's base is read by value, not
 * by version (the two records' clocks say nothing of each other): a field the survivor holds as the
 * alias held it before the edit, or holds empty, takes the edit; a field it holds with another value
 * opens a conflict on the survivor, for its owner to settle; nothing is decided silently. A survivor
 * of a unit the pusher may not change (scope.ts, mayMergeInto) takes no field: every one the edit
 * sets to another value opens a conflict for its owner, as knowing a document number and a value
 * is no right to write another unit's record. A survivor merged away itself since the alias was
 * read takes the edit for its own survivor, found again once the records are locked. A changed
 * document opens a conflict on the survivor's, never taken silently. The owner and the tombstone
 * stay the alias's own. Authorised by the alias: the terminal
 * may edit the person through the record it owns. The survivor's new version is past the one it
 * had, so every terminal takes it.
 */
export async function carryAliasEdits(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  records: Map<string, HubRecord>,
  edits: PushEntry[],
  aliasEdits: ReadonlyMap<string, string>,
  aliasesBefore: ReadonlyMap<string, HubRecord>,
  mayChange: MayChange,
): Promise<CarriedEdits> {
  const carried: CarriedEdits = { changed: [], conflicts: [], ownersConflicts: [] };
  const carrying = edits.filter((entry) => aliasEdits.has(entry.recordId));
  if (carrying.length === 0) return carried;
  const survivorOf = new Map(
    [...new Set(carrying.map((entry) => entry.recordId))].map(
      (aliasId) => [aliasId, aliasEdits.get(aliasId)!] as const,
    ),
  );
  await loadSurvivors(trx, countyCode, records, survivorOf.values());
  const mergedAway = [...survivorOf].filter(
    ([, survivorId]) => records.get(recordKey('residents', survivorId))?.deleted === true,
  );
  if (mergedAway.length > 0) {
    // Every alias resolves in one step (mergeIntoPushed), so the alias now names the last survivor.
    const found = await knownAliases(
      trx,
      countyCode,
      mergedAway.map(([aliasId]) => aliasId),
    );
    for (const [aliasId, survivorId] of found) survivorOf.set(aliasId, survivorId);
    await loadSurvivors(trx, countyCode, records, found.values());
  }
  const aliasNow = new Map([...aliasesBefore].map(([id, alias]) => [id, alias.columns] as const));
  for (const entry of carrying) {
    const before = aliasNow.get(entry.recordId) ?? {};
    aliasNow.set(entry.recordId, { ...before, ...entry.columns });
    // Taken by the alias before it was merged away: the edit comes again (a terminal restored from
    // a backup older than its push sends its log again), and the merge already weighed its values.
    const aliasTook = aliasesBefore.get(entry.recordId)?.takenFrom?.[terminalId];
    if (aliasTook !== undefined && compareVersions(entry.version, aliasTook) <= 0) continue;
    const key = recordKey('residents', survivorOf.get(entry.recordId)!);
    const survivor = records.get(key);
    if (!survivor || survivor.deleted) continue;
    const taken = survivor.takenFrom?.[terminalId];
    if (taken !== undefined && compareVersions(entry.version, taken) <= 0) continue;
    const owners = mayChange(survivor.orgUnitId);
    const seen: Columns = {};
    const unseen: Columns = {};
    for (const [column, value] of Object.entries(entry.columns)) {
      const held = survivor.columns[column];
      if (KEPT_ON_ALIAS.has(column) || held === value) continue;
      if (
        owners &&
        !DOCUMENT_COLUMNS.has(column) &&
        (held === null || held === undefined || held === '' || held === before[column])
      ) {
        seen[column] = value;
      } else unseen[column] = value;
    }
    const merged = mergeEntry(takeSeen(survivor, entry, seen), {
      op: 'update',
      // Never seen: every field of `unseen` differs from what the writer had, so each conflicts.
      baseVersion: null,
      version: entry.version,
      columns: unseen,
      at: entry.at,
      terminalId,
      by: typeof entry.columns.updated_by === 'string' ? entry.columns.updated_by : null,
    });
    if (merged.outcome !== 'merged') continue;
    if (Object.keys(seen).length === 0 && merged.conflicts.length === 0) continue;
    const version =
      compareVersions(merged.record.version, survivor.version) > 0
        ? merged.record.version
        : hubVersion(survivor.version);
    records.set(key, {
      ...survivor,
      version,
      columns: { ...merged.record.columns, version },
      fieldVersions: { ...merged.record.fieldVersions, version },
      takenFrom: { ...survivor.takenFrom, [terminalId]: entry.version },
      deleted: merged.record.deleted,
    });
    if (!carried.changed.includes(key)) carried.changed.push(key);
    const opened = owners ? carried.conflicts : carried.ownersConflicts;
    for (const conflict of merged.conflicts) {
      opened.push({ table: 'residents', recordId: survivor.recordId, conflict });
    }
  }
  return carried;
}

/** Loads and locks the survivors of `ids` not yet in `records`. */
async function loadSurvivors(
  trx: Trx,
  countyCode: string,
  records: Map<string, HubRecord>,
  ids: Iterable<string>,
): Promise<void> {
  const wanted = [...new Set(ids)]
    .map((recordId) => ({ table: 'residents', recordId }))
    .filter(({ table, recordId }) => !records.has(recordKey(table, recordId)));
  for (const [key, record] of await loadRecords(trx, countyCode, wanted)) records.set(key, record);
}

/** The survivor with the fields the edit's writer saw as they are set by the edit. */
function takeSeen(survivor: HubRecord, entry: PushEntry, seen: Columns): HubRecord {
  if (Object.keys(seen).length === 0) return survivor;
  const columns = { ...survivor.columns, ...seen };
  const fieldVersions = { ...survivor.fieldVersions };
  for (const column of Object.keys(seen)) fieldVersions[column] = entry.version;
  for (const column of ['updated_at', 'updated_by'] as const) {
    const value = entry.columns[column];
    if (value !== undefined) {
      columns[column] = value;
      fieldVersions[column] = entry.version;
    }
  }
  return { ...survivor, columns, fieldVersions };
}
