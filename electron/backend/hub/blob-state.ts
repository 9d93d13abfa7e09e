import { TERMINAL_STATES } from '@shared/domain/cases/case-workflow';
import type { PulledRecord } from '@shared/sync/records-contract';
import type { Db } from '../db/queryable';

/**
 * Where each attachment file stands with the hub (attachment_files). Kept in hub/ so that the
 * pusher and the pull's applier reach it without importing the attachments domain, which moves
 * the files (attachments/hub-files.ts).
 */

export async function markOnHub(db: Db, sha256: string, nowIso: string): Promise<void> {
  await db
    .insertInto('attachment_files')
    .values({ sha256, on_hub_at: nowIso, fetch_queued_at: null, last_error: null })
    .onConflict((oc) =>
      oc
        .column('sha256')
        .doUpdateSet({ on_hub_at: nowIso, fetch_queued_at: null, last_error: null }),
    )
    .execute();
}

export async function isOnHub(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('attachment_files')
    .select('on_hub_at')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Boolean(row?.on_hub_at);
}

/**
 * Of these files, the ones the hub is not known to hold. The pusher holds back an attachment record
 * (and what follows it) while its file is among them, so that no terminal is told of a file it
 * cannot fetch; the sync cycle uploads them first (uploadPendingFiles).
 */
export async function filesNotOnHub(db: Db, sha256s: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const onHub = await db
    .selectFrom('attachment_files')
    .select('sha256')
    .where('sha256', 'in', [...new Set(sha256s)])
    .where('on_hub_at', 'is not', null)
    .execute();
  const held = new Set(onHub.map((row) => row.sha256));
  return new Set(sha256s.filter((sha256) => !held.has(sha256)));
}

/**
 * The files of attachments made at this terminal that the hub is not known to hold, oldest first.
 * A file of another terminal's attachment is that terminal's to send.
 */
export async function filesToUpload(db: Db, terminalId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attachments as a')
    .leftJoin('attachment_files as f', 'f.sha256', 'a.sha256')
    .select('a.sha256')
    .where('a.origin_terminal_id', '=', terminalId)
    .where('a.deleted_at', 'is', null)
    .where('f.on_hub_at', 'is', null)
    .where('f.last_error', 'is', null)
    .groupBy('a.sha256')
    .orderBy((eb) => eb.fn.min('a.created_at'))
    .limit(limit)
    .execute();
  return rows.map((row) => row.sha256);
}

/** An upload or fetch the hub refused for good (a damaged local file, say): not tried each minute. */
export async function recordFileError(db: Db, sha256: string, message: string): Promise<void> {
  await db
    .insertInto('attachment_files')
    .values({ sha256, on_hub_at: null, fetch_queued_at: null, last_error: message })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ last_error: message }))
    .execute();
}

/*
 * The two look-ups of queueHandOffFiles, each from the page's ids by its index (attachments_case,
 * attachments_event_report), then the parent by its key. A cross join keeps SQLite to that order:
 * left to itself the planner started from the unit's index on cases and read every case of the
 * township for each slice of a pull (42 of 110 s of a 229,000-row first sync, growing with the
 * database).
 */
export function handedOverFiles(db: Db, caseIds: string[], unitId: string) {
  return (
    db
      .selectFrom('attachments as a')
      .crossJoin('cases as c')
      .whereRef('c.id', '=', 'a.case_id')
      .select('a.sha256')
      .where('a.case_id', 'in', caseIds)
      .where('a.deleted_at', 'is', null)
      .where('c.org_unit_id', '=', unitId)
      .where('c.agency_org_id', 'is not', null)
      .where('c.agency_org_id', '!=', unitId)
      // A finished case's files are fetched when someone opens them.
      .where('c.state', 'not in', TERMINAL_STATES)
  );
}

export function reportedFiles(db: Db, reportIds: string[], unitId: string) {
  return db
    .selectFrom('attachments as a')
    .crossJoin('event_reports as e')
    .whereRef('e.id', '=', 'a.event_report_id')
    .select('a.sha256')
    .where('a.event_report_id', 'in', reportIds)
    .where('a.deleted_at', 'is', null)
    .where('e.receiving_org_id', '=', unitId);
}

/**
 * After a pulled page, in its transaction: the files of a case handed to this unit (it owns the
 * case now and a village filed it) while the case is still being worked on, and of an event report
 * addressed to it, are queued to be fetched ahead of time, so that the clerk who receives the case
 * sees its scans offline too. The attachment rows may have come earlier (a township reads its
 * villages' cases before they are handed over), so the hand-over's own case record queues them
 * too. A file already here is dropped from the queue by the fetch (fetchQueuedFiles).
 */
export async function queueHandOffFiles(
  db: Db,
  records: readonly PulledRecord[],
  unitId: string,
  nowIso: string,
): Promise<number> {
  const caseIds = new Set<string>();
  const reportIds = new Set<string>();
  for (const record of records) {
    if (record.access === 'reader') continue;
    const { columns } = record;
    if (record.table === 'cases') caseIds.add(record.recordId);
    if (record.table === 'event_reports') reportIds.add(record.recordId);
    if (record.table !== 'attachments') continue;
    if (typeof columns.case_id === 'string') caseIds.add(columns.case_id);
    else if (typeof columns.event_report_id === 'string') reportIds.add(columns.event_report_id);
  }
  const handedOver =
    caseIds.size === 0 ? [] : await handedOverFiles(db, [...caseIds], unitId).execute();
  const reported =
    reportIds.size === 0 ? [] : await reportedFiles(db, [...reportIds], unitId).execute();
  const wanted = new Set([...handedOver, ...reported].map((row) => row.sha256));
  for (const sha256 of wanted) {
    await db
      .insertInto('attachment_files')
      .values({ sha256, on_hub_at: null, fetch_queued_at: nowIso, last_error: null })
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ fetch_queued_at: nowIso }))
      .execute();
  }
  return wanted.size;
}

export async function queuedFetches(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attachment_files')
    .select('sha256')
    .where('fetch_queued_at', 'is not', null)
    .orderBy('fetch_queued_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.sha256);
}

export async function unqueueFetch(db: Db, sha256: string): Promise<void> {
  await db
    .updateTable('attachment_files')
    .set({ fetch_queued_at: null })
    .where('sha256', '=', sha256)
    .execute();
}
