import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { PulledRecord } from '@shared/sync/records-contract';
import { FILLED_FROM_LOSER, fillFromLoser } from '@shared/sync/resident-fill';
import { appendAudit } from '../../audit/service';
import type { ChangeStamp } from '../../core/changes';
import { tombstoneSynced, updateSynced } from '../../core/synced-writes';
import type { Database } from '../../db/schema';
import { prepared } from '../../db/prepared';
import { reindexResident, unindexResident } from '../../residents/search-index';

/*
 * One person, one resident record across terminals (issue 15 item 1). A village and its township
 * may each register the same ID document before either has seen the other's record; the residents
 * table holds one live record per document, so a pulled resident meeting a local one with the same
 * document is merged, by a rule every terminal and the hub apply alike without asking anyone: the
 * record with the smaller id survives (ids are UUIDv7, so the one registered first), the other is
 * tombstoned and kept as an alias of it (resident_aliases), and the records that named the other
 * name the survivor.
 */

type Trx = Transaction<Database>;

/** The columns that name a resident (every REFERENCES residents(id) of the schema). */
export const RESIDENT_REFERENCES = [
  { table: 'cases', column: 'resident_id' },
  { table: 'dispute_parties', column: 'resident_id' },
] as const;

interface LiveResident {
  rowid: number;
  id: string;
  version: string;
  name: string;
  doc_number: string;
  phone: string | null;
  address: string | null;
}

export interface Merge {
  survivorId: string;
  /** Usually one; more when tombstones of the person arrived here before their survivor did. */
  loserIds: string[];
}

/** The survivor of two records of one person: the same answer on every terminal and the hub. */
export function survivorOf(a: string, b: string): string {
  return a < b ? a : b;
}

function liveNamesake(
  sqlite: BetterSqlite3.Database,
  docType: string,
  docNumber: string,
  exceptId: string,
): LiveResident | undefined {
  return prepared(
    sqlite,
    `SELECT rowid, id, version, name, doc_number, phone, address FROM residents
     WHERE doc_type = ? AND doc_number = ? AND deleted_at IS NULL AND id <> ?`,
  ).get(docType, docNumber, exceptId) as LiveResident | undefined;
}

/**
 * Tombstones of the document, larger than `survivorId`, that nothing here names as merged: a
 * record the hub merged away whose tombstone came before its survivor did (a unit that saw only the
 * loser; a survivor merged away in turn; a survivor whose feed place moved past its loser's with a
 * later edit). Nobody deletes a resident otherwise, so a tombstone of the document is the person.
 * Read on the partial index of tombstones, a probe of an index that is empty on most terminals.
 */
function unmergedTombstones(
  sqlite: BetterSqlite3.Database,
  docType: string,
  docNumber: string,
  survivorId: string,
): string[] {
  return prepared(
    sqlite,
    `SELECT r.id FROM residents r
     WHERE r.doc_type = ? AND r.doc_number = ? AND r.deleted_at IS NOT NULL AND r.id > ?
       AND NOT EXISTS (SELECT 1 FROM resident_aliases a WHERE a.alias_id = r.id)`,
  )
    .pluck()
    .all(docType, docNumber, survivorId) as string[];
}

/**
 * Before a pulled resident is written: whether it would be a second live record of a document
 * already here. When the local record loses, it is tombstoned now (through the write module, so the
 * hub learns it), freeing the document for the pulled one; when the pulled one loses, it is written
 * as a tombstone. Either way the caller writes the pulled record and then calls finishMerge.
 */
export async function meetDocument(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  stamp: ChangeStamp,
  record: PulledRecord,
  local: Record<string, unknown> | undefined,
): Promise<Merge | null> {
  const columns = record.columns;
  const deletedAt = 'deleted_at' in columns ? columns.deleted_at : local?.deleted_at;
  const docType = (columns.doc_type ?? local?.doc_type) as string | undefined;
  const docNumber = (columns.doc_number ?? local?.doc_number) as string | undefined;
  if (!docType || !docNumber) return null;
  const deleted = deletedAt !== null && deletedAt !== undefined;
  const other = liveNamesake(sqlite, docType, docNumber, record.recordId);
  const orphans = () =>
    unmergedTombstones(sqlite, docType, docNumber, record.recordId).filter(
      (id) => id !== other?.id,
    );
  if (!other) {
    const adopted = deleted ? [] : orphans();
    return adopted.length > 0 ? { survivorId: record.recordId, loserIds: adopted } : null;
  }
  if (deleted) {
    // Tombstoned by the hub's own merge (upstream/src/sync/resident-merge.ts): still an alias here.
    const known = prepared(sqlite, 'SELECT 1 FROM resident_aliases WHERE alias_id = ?');
    return other.id < record.recordId && !known.get(record.recordId)
      ? { survivorId: other.id, loserIds: [record.recordId] }
      : null;
  }
  if (survivorOf(record.recordId, other.id) === record.recordId) {
    await tombstoneSynced(trx, stamp, 'residents', other);
    await unindexResident(trx, other);
    return { survivorId: record.recordId, loserIds: [other.id, ...orphans()] };
  }
  // Written as it stands on the hub, but not live here: the hub's own merge tombstones it there.
  columns.deleted_at = stamp.stamper.nowIso();
  return { survivorId: other.id, loserIds: [record.recordId] };
}

/**
 * Once the pulled record is written: the rows naming the loser name the survivor. This unit's own
 * rows change through the write module, so the change goes to the hub; another unit's rows (a
 * hand-off received) change here only, since this terminal may not write them on the hub, whose
 * own merge re-points its copy. The loser's readers keep seeing the person: a unit that filed a
 * case for the loser has filed it for the survivor.
 */
export async function finishMerge(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  stamp: ChangeStamp,
  merge: Merge,
): Promise<void> {
  for (const loserId of merge.loserIds)
    await mergeOne(trx, sqlite, stamp, merge.survivorId, loserId);
}

async function mergeOne(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  stamp: ChangeStamp,
  survivorId: string,
  loserId: string,
): Promise<void> {
  for (const { table, column } of RESIDENT_REFERENCES) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'version', 'org_unit_id'])
      .where(column, '=', loserId)
      .execute();
    for (const row of rows) {
      if (row.org_unit_id === stamp.terminal.orgUnitId)
        await updateSynced(trx, stamp, table, row, { [column]: survivorId });
      else repointHere(sqlite, table, row.id, survivorId);
    }
  }
  sqlite
    .prepare(
      `INSERT INTO resident_access (unit_id, resident_rowid, filed)
       SELECT a.unit_id, s.rowid, 1 FROM resident_access a
         JOIN residents l ON l.rowid = a.resident_rowid AND l.id = ?
         JOIN residents s ON s.id = ?
       WHERE a.filed = 1
       ON CONFLICT (unit_id, resident_rowid) DO UPDATE SET filed = 1`,
    )
    .run(loserId, survivorId);
  await fillSurvivor(trx, sqlite, stamp, survivorId, loserId);
  const now = stamp.stamper.nowIso();
  sqlite
    .prepare(
      `INSERT INTO resident_aliases (alias_id, resident_id, merged_at) VALUES (?, ?, ?)
       ON CONFLICT (alias_id) DO UPDATE SET resident_id = excluded.resident_id`,
    )
    .run(loserId, survivorId, now);
  // An alias of the loser is an alias of the survivor, so that every alias resolves in one step.
  sqlite
    .prepare('UPDATE resident_aliases SET resident_id = ? WHERE resident_id = ?')
    .run(survivorId, loserId);
  await appendAudit(trx, now, stamp.actor, stamp.terminal.terminalId, {
    action: 'residents.merge',
    objectType: 'resident',
    objectId: survivorId,
    detail: `证件号码相同，已将档案 ${loserId} 并入本档案`,
  });
}

type FillableResident = LiveResident &
  Record<(typeof FILLED_FROM_LOSER)[number], unknown> & {
    org_unit_id: string;
    deleted_at: string | null;
  };

function fillableResident(
  sqlite: BetterSqlite3.Database,
  id: string,
): FillableResident | undefined {
  return sqlite
    .prepare(
      `SELECT rowid, id, version, name, doc_number, org_unit_id, deleted_at,
              ${FILLED_FROM_LOSER.join(', ')}
       FROM residents WHERE id = ?`,
    )
    .get(id) as FillableResident | undefined;
}

/**
 * The survivor takes the fields only the loser had (shared/sync/resident-fill.ts), as the hub's own
 * merge does. Written here only when the survivor is this unit's own record, through the write
 * module, so the change goes up (equal to the hub's fill when that came first, which then opens no
 * conflict); another unit's survivor gets the fill from the hub, which applies it when the loser's
 * record reaches it or has already (the pulled survivor then carries it and nothing is empty here).
 */
async function fillSurvivor(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  stamp: ChangeStamp,
  survivorId: string,
  loserId: string,
): Promise<void> {
  const survivor = fillableResident(sqlite, survivorId);
  const loser = fillableResident(sqlite, loserId);
  if (!survivor || !loser || survivor.deleted_at !== null) return;
  if (survivor.org_unit_id !== stamp.terminal.orgUnitId) return;
  const fill = fillFromLoser(
    survivor as Record<string, string | null>,
    loser as Record<string, string | null>,
  );
  if (Object.keys(fill).length === 0) return;
  await reindexResident(trx, survivor, { ...survivor, ...fill });
  await updateSynced(trx, stamp, 'residents', survivor, fill);
}

function repointHere(
  sqlite: BetterSqlite3.Database,
  table: (typeof RESIDENT_REFERENCES)[number]['table'],
  id: string,
  survivorId: string,
): void {
  sqlite.prepare(`UPDATE ${table} SET resident_id = ? WHERE id = ?`).run(survivorId, id);
}

/**
 * The resident a pulled record should name: the survivor when it names a merged record. Null when
 * nothing was ever merged here, so that a first sync pays no look-up per case.
 */
export function aliasResolver(
  sqlite: BetterSqlite3.Database,
): ((residentId: string) => string) | null {
  const any = prepared(sqlite, 'SELECT 1 FROM resident_aliases LIMIT 1').get();
  if (!any) return null;
  const find = prepared(sqlite, 'SELECT resident_id FROM resident_aliases WHERE alias_id = ?');
  return (residentId) =>
    (find.get(residentId) as { resident_id: string } | undefined)?.resident_id ?? residentId;
}
