import { z } from 'zod';

/**
 * Two-way sync of the records people make at the counter and in the mediation room (issue 15): a
 * terminal pushes its change log in order and pulls what its unit should see. Reference data and
 * staff accounts keep their own channels (reference-contract.ts, accounts-contract.ts); the tables
 * here are the ones whose rows a unit writes.
 *
 * Exactly once: every entry is keyed by (terminal, epoch, seq). The hub stores the last seq it
 * decided per (terminal, epoch) in the same PostgreSQL transaction as the entry's effects, so a
 * push repeated after a cut changes nothing twice. The epoch changes whenever the terminal's
 * database is restored or replaced, so a seq reissued after a restore is never mistaken for a
 * duplicate.
 */

export const SYNC_RECORD_TABLES = [
  'residents',
  'cases',
  'case_materials',
  'case_events',
  'ratings',
  'rating_followups',
  'attachments',
  'disputes',
  'dispute_parties',
  'dispute_readers',
  'dispute_mediators',
  'dispute_events',
  'mediation_sessions',
  'dispute_extensions',
  'dispute_agreements',
  'dispute_follow_ups',
  'event_reports',
] as const;
export const syncRecordTableSchema = z.enum(SYNC_RECORD_TABLES);
export type SyncRecordTable = z.infer<typeof syncRecordTableSchema>;

/**
 * Who sees a record follows its root: a case with its materials, events, ratings and attachments
 * travels as one, as does a dispute with everything recorded on it. `via` names the column that
 * holds the root's id (null: the record is its own root). An attachment names the first of its
 * case_id / event_report_id that is set.
 */
export const SYNC_RECORD_ROOTS: Record<
  SyncRecordTable,
  { root: 'residents' | 'cases' | 'disputes' | 'event_reports'; via: string | null }
> = {
  residents: { root: 'residents', via: null },
  cases: { root: 'cases', via: null },
  case_materials: { root: 'cases', via: 'case_id' },
  case_events: { root: 'cases', via: 'case_id' },
  ratings: { root: 'cases', via: 'case_id' },
  rating_followups: { root: 'cases', via: 'case_id' },
  attachments: { root: 'cases', via: 'case_id' },
  disputes: { root: 'disputes', via: null },
  dispute_parties: { root: 'disputes', via: 'dispute_id' },
  dispute_readers: { root: 'disputes', via: 'dispute_id' },
  dispute_mediators: { root: 'disputes', via: 'dispute_id' },
  dispute_events: { root: 'disputes', via: 'dispute_id' },
  mediation_sessions: { root: 'disputes', via: 'dispute_id' },
  dispute_extensions: { root: 'disputes', via: 'dispute_id' },
  dispute_agreements: { root: 'disputes', via: 'dispute_id' },
  dispute_follow_ups: { root: 'disputes', via: 'dispute_id' },
  event_reports: { root: 'event_reports', via: null },
};

/** Columns that never leave the terminal (outbox payloads already drop them; pulls never set them). */
export const SYNC_LOCAL_COLUMNS: Partial<Record<SyncRecordTable, readonly string[]>> = {};

export const SYNC_PATHS = {
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  digest: '/v1/sync/digest',
  conflicts: '/v1/sync/conflicts',
  resolveConflict: (conflictId: string) =>
    `/v1/sync/conflicts/${encodeURIComponent(conflictId)}/resolve`,
  /** PUT with Content-Range for a resumed upload; HEAD answers how many bytes the hub holds. */
  blob: (sha256: string) => `/v1/sync/blobs/${sha256}`,
} as const;

/** A column value as JSON carries it: SQLite's TEXT, INTEGER, REAL and NULL. */
const columnValue = z.union([z.string(), z.number(), z.null()]);

const uuid = z.string().uuid();
/** An HLC text: 30 characters of time and counter, then the node (a terminal's 36-character id). */
const hlc = z.string().min(1).max(100);

/** One change-log entry as a terminal pushes it. */
export const pushEntrySchema = z.object({
  seq: z.number().int().positive(),
  /** One use case's transaction: the hub applies all entries of a txId together or none. */
  txId: uuid,
  table: syncRecordTableSchema,
  recordId: uuid,
  op: z.enum(['insert', 'update', 'delete']),
  /** The record's version the writer read inside its transaction; null on insert. */
  baseVersion: hlc.nullable(),
  version: hlc,
  /**
   * insert: every column; update/delete: only the columns the change set (sync columns included).
   * An older terminal that does not know a column leaves it out and so never blanks it.
   */
  columns: z.record(z.string(), columnValue),
  /** The terminal's schema version (number of migrations applied) when the entry was written. */
  schemaVersion: z.number().int().nonnegative(),
  /** When the change was made (UTC ISO), by the terminal's clock. */
  at: z.string(),
  /**
   * Set on the first entry of a record pushed after a person settled its refusal under 同步问题
   * (重新提交: the record's whole current row as an update, or an insert when the hub never took
   * it; 放弃本机修改: the next local change after the hub's copy was pulled back). It lifts the
   * block (RECORD_BLOCKED) that every earlier refusal of the record from this terminal set, and the
   * entry is then applied like any other.
   */
  settlesRefusal: z.boolean().optional(),
});
export type PushEntry = z.infer<typeof pushEntrySchema>;

/** At most this many entries per push request; a transaction is never split across requests. */
export const PUSH_BATCH_MAX = 1000;

/*
 * The terminal's seqs increase but may skip: its outbox numbers the entries of every synced table,
 * and those of the tables with a channel of their own (accounts, org units, the catalogue) are not
 * pushed here. A hub that insisted on contiguous seqs would stall a terminal at its first account
 * change after a push.
 */
export const pushRequestSchema = z.object({
  epoch: uuid,
  /** In seq order, whole transactions only, all of one epoch. */
  entries: z.array(pushEntrySchema).max(PUSH_BATCH_MAX * 2),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * Why the hub refused an entry. A refused entry is kept on the terminal under 同步问题; the hub also
 * refuses every later entry of the same record from that terminal (RECORD_BLOCKED) until a person
 * settles the first, so a record is never half applied. The block lifts with the first entry of the
 * record that carries settlesRefusal. Every entry of a refused entry's transaction is refused too
 * (TRANSACTION_REFUSED) and blocks its own record the same way.
 */
export const SYNC_REJECTION_CODES = [
  'OUT_OF_SCOPE',
  'INVALID_ENTRY',
  'RECORD_BLOCKED',
  'TRANSACTION_REFUSED',
  'UNKNOWN_RECORD',
  'SCHEMA_TOO_NEW',
] as const;
export const syncRejectionCodeSchema = z.enum(SYNC_REJECTION_CODES);
export type SyncRejectionCode = z.infer<typeof syncRejectionCodeSchema>;

export const SYNC_REJECTION_MESSAGES: Record<SyncRejectionCode, string> = {
  OUT_OF_SCOPE: '该记录不属于本终端所在单位，县级平台未接收',
  INVALID_ENTRY: '该条修改内容不完整或格式不正确，县级平台未接收',
  RECORD_BLOCKED: '同一记录此前有一条修改未被县级平台接收，这条修改暂不上传，请先处理那条问题',
  TRANSACTION_REFUSED: '同一次操作中的另一条修改未被接收，这次操作的修改都未上传',
  UNKNOWN_RECORD: '县级平台上没有这条记录，修改无法接收',
  SCHEMA_TOO_NEW: '本机软件版本比县级平台新，县级平台暂不能接收这条修改，请待县级平台升级',
};

export const pushRejectionSchema = z.object({
  seq: z.number().int().positive(),
  code: syncRejectionCodeSchema,
  message: z.string(),
});
export type PushRejection = z.infer<typeof pushRejectionSchema>;

export const pushResponseSchema = z.object({
  /** Every entry of this epoch up to here is decided (applied, or refused and listed). */
  decidedThrough: z.number().int().nonnegative(),
  rejections: z.array(pushRejectionSchema),
  /** Entries whose version is far ahead of the hub's clock (a PC clock set wrong): applied, flagged. */
  clockAhead: z.array(z.number().int().positive()),
  /** Conflicts this push opened (same field edited from the same base elsewhere). */
  conflictsOpened: z.number().int().nonnegative(),
  /**
   * The hub's clock when it answered, sent with a non-empty `clockAhead`: the terminal compares it
   * with its own clock to tell its user by how much the PC clock is off (an older hub: absent).
   */
  hubTime: z.string().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A hub version is "far ahead" when its wall part is this far past the hub's clock. */
export const CLOCK_AHEAD_FLAG_MS = 5 * 60 * 1000;

/** One record as the hub holds it now, for a terminal that may see it. */
export const pulledRecordSchema = z.object({
  table: syncRecordTableSchema,
  recordId: uuid,
  orgUnitId: z.string(),
  version: hlc,
  /** Every column the hub knows for the record (a terminal ignores columns it does not have). */
  columns: z.record(z.string(), columnValue),
  /** Why this terminal sees it: its own unit's, addressed to it, or read access it keeps. */
  access: z.enum(['owner', 'addressee', 'reader']),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const PULL_PAGE_MAX = 2000;

export const pullRequestSchema = z.object({
  /** Opaque; absent on the first pull. */
  after: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(500),
  /**
   * Only the records of one digest bucket (recordBucket), for repairing a divergence the digest
   * found; its cursor is its own and is never stored as the terminal's pull cursor.
   */
  bucket: z
    .string()
    .regex(/^[0-9a-f]$/)
    .optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  records: z.array(pulledRecordSchema),
  /** Store with the page, in the same transaction; send back as `after`. */
  cursor: z.string(),
  more: z.boolean(),
  /** Records left in the terminal's scope after this page (for progress on a long first sync). */
  remaining: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * What a terminal should hold for its scope, in buckets (recordBucket): count and an
 * order-independent hash of (table, id, version). A terminal compares its own and re-pulls only the
 * buckets that differ.
 */
export const digestResponseSchema = z.object({
  buckets: z.array(
    z.object({ bucket: z.string().length(1), count: z.number().int(), hash: z.string() }),
  ),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;

/**
 * A record's digest bucket: the last hex digit of its id. Not the first: ids are UUIDv7, whose first
 * digits are the time they were made, so every record of a decade would share one bucket.
 */
export function recordBucket(recordId: string): string {
  return recordId.slice(-1).toLowerCase();
}

/**
 * A bucket's hash: the sum, modulo 2^60, of the first 15 hex digits of md5("table/id/version") of
 * each record, as a decimal string. A sum does not depend on order, and PostgreSQL computes it in one
 * aggregate.
 */
export const DIGEST_HASH_HEX_DIGITS = 15;

export function pullPath(request: { after?: string; limit?: number; bucket?: string }): string {
  const query = new URLSearchParams();
  if (request.after !== undefined) query.set('after', request.after);
  if (request.limit !== undefined) query.set('limit', String(request.limit));
  if (request.bucket !== undefined) query.set('bucket', request.bucket);
  const text = query.toString();
  return text ? `${SYNC_PATHS.pull}?${text}` : SYNC_PATHS.pull;
}
