import { BLOB_CHUNK_MAX, BLOB_SIZE_MAX } from '@shared/sync/blob-contract';
import { DomainError } from '../core/errors';
import type { Runtime } from '../core/runtime';
import {
  HubRefusal,
  HubUnreachable,
  blobStatus,
  filesToUpload,
  getBlob,
  isOnHub,
  markOnHub,
  putBlobChunk,
  queuedFetches,
  readEnrolment,
  recordFileError,
  unqueueFetch,
  type HubClientOptions,
} from '../hub/service';
import { readBlob, sha256Hex, storeBlob } from './store';

/**
 * Attachment files between this terminal and the county hub (shared/sync/blob-contract.ts): a file
 * made here is uploaded in chunks before the record that names it is pushed, resuming where the hub
 * stopped after a cut; a file made elsewhere is fetched when someone opens it, or ahead of time when
 * its case was handed to this unit. Every fetched file is checked against its SHA-256 and size and
 * written under a temporary name, then renamed: a damaged one is never kept.
 */

/** Files per sync cycle each way: a cycle stays short, the next one goes on. */
const FILES_PER_CYCLE = 200;
/** A person who opens a file waits this long for the hub before being told to try when online. */
const OPEN_TIMEOUT_MS = 15_000;

export const NOT_FETCHED_MESSAGE = '附件尚未从县级平台取得，联网后可查看';
const NOT_ON_HUB_MESSAGE = '县级平台上还没有这个附件文件（上传它的终端尚未同步），请稍后再查看';
const CORRUPT_MESSAGE = '从县级平台取得的附件文件与记录的校验值不符，未保存，请稍后再试';

/** Refusals that no retry changes: the file is noted and not sent again each minute. */
const REFUSED_FOR_GOOD = new Set(['BLOB_TYPE_REFUSED', 'BLOB_CORRUPT', 'PAYLOAD_TOO_LARGE']);

/** The hub of an enrolled, not revoked terminal whose token is readable; else null. */
async function hubOf(rt: Runtime, timeoutMs?: number): Promise<HubClientOptions | null> {
  if (!rt.terminal) return null;
  const enrolment = await readEnrolment(rt.db);
  const token = rt.hubTokens.read();
  if (!enrolment || enrolment.revokedAt || !token) return null;
  return { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion, timeoutMs };
}

/** Sends what the hub lacks of the file, chunk by chunk, from the offset the hub states. */
async function upload(hub: HubClientOptions, sha256: string, bytes: Buffer): Promise<void> {
  let { state, offset } = await blobStatus(hub, sha256);
  // Every round either moves a chunk on or learns the hub's offset: bounded, so that a hub
  // answering nonsense cannot keep the cycle turning.
  const rounds = 2 * Math.ceil(bytes.length / BLOB_CHUNK_MAX) + 2;
  for (let round = 0; state !== 'complete' && round < rounds; round += 1) {
    const start = offset < bytes.length ? offset : 0;
    const answer = await putBlobChunk(
      hub,
      sha256,
      bytes.subarray(start, start + BLOB_CHUNK_MAX),
      start,
      bytes.length,
    );
    offset = answer.offset;
    if (answer.complete) state = 'complete';
  }
  if (state !== 'complete') throw new HubUnreachable('the upload did not complete');
}

/**
 * For the pusher: true once the hub holds the file (uploaded now if it was not), false when this
 * terminal cannot send it (not enrolled, or the file is not here). Throws HubUnreachable or
 * HubRefusal as hubRequest does.
 */
export async function ensureUploaded(rt: Runtime, sha256: string): Promise<boolean> {
  if (await isOnHub(rt.db, sha256)) return true;
  const hub = await hubOf(rt);
  const bytes = readBlob(rt.dataDir, sha256);
  if (!hub || !bytes) return false;
  await upload(hub, sha256, bytes);
  await markOnHub(rt.db, sha256, rt.stamper.nowIso());
  return true;
}

/**
 * The sync cycle, before the push: uploads the files of this terminal's attachments that the hub is
 * not known to hold. Stops at the first sign the hub is away; the next cycle resumes each file where
 * the hub stopped.
 */
export async function uploadPendingFiles(rt: Runtime): Promise<number> {
  const hub = await hubOf(rt);
  if (!hub || !rt.terminal) return 0;
  let uploaded = 0;
  for (const sha256 of await filesToUpload(rt.db, rt.terminal.terminalId, FILES_PER_CYCLE)) {
    const bytes = readBlob(rt.dataDir, sha256);
    if (!bytes) continue;
    try {
      await upload(hub, sha256, bytes);
    } catch (error) {
      if (!(error instanceof HubRefusal && REFUSED_FOR_GOOD.has(error.code))) throw error;
      await recordFileError(rt.db, sha256, error.message);
      continue;
    }
    await markOnHub(rt.db, sha256, rt.stamper.nowIso());
    uploaded += 1;
  }
  return uploaded;
}

/** The file from the hub, checked before it is kept; null when the hub has none for this unit. */
async function fetchChecked(
  rt: Runtime,
  hub: HubClientOptions,
  file: { sha256: string; size: number },
): Promise<Buffer | null> {
  const bytes = await getBlob(hub, file.sha256, BLOB_SIZE_MAX);
  if (!bytes) return null;
  if (bytes.length !== file.size || sha256Hex(bytes) !== file.sha256)
    throw new DomainError('ATTACHMENT_CORRUPT', CORRUPT_MESSAGE);
  storeBlob(rt.dataDir, file.sha256, bytes);
  await markOnHub(rt.db, file.sha256, rt.stamper.nowIso());
  return bytes;
}

/**
 * An attachment's bytes for the person who opened its record: from this terminal's files, else
 * fetched from the hub. `missing` is said on a terminal that is not joined to a hub.
 */
export async function attachmentBytes(
  rt: Runtime,
  file: { sha256: string; size: number },
  missing: string,
): Promise<Buffer> {
  const local = readBlob(rt.dataDir, file.sha256);
  if (local) return local;
  if (!(await readEnrolment(rt.db))) throw new DomainError('NOT_FOUND', missing);
  const hub = await hubOf(rt, OPEN_TIMEOUT_MS);
  if (!hub) throw new DomainError('ATTACHMENT_NOT_FETCHED', NOT_FETCHED_MESSAGE);
  let bytes: Buffer | null;
  try {
    bytes = await fetchChecked(rt, hub, file);
  } catch (error) {
    if (error instanceof HubUnreachable || error instanceof HubRefusal)
      throw new DomainError('ATTACHMENT_NOT_FETCHED', NOT_FETCHED_MESSAGE);
    throw error;
  }
  if (!bytes) throw new DomainError('ATTACHMENT_NOT_FETCHED', NOT_ON_HUB_MESSAGE);
  return bytes;
}

/**
 * The sync cycle, after the pull: fetches the files queued for a case handed to this unit. A file
 * the hub does not have yet stays queued; a damaged one is dropped and fetched again next cycle.
 */
export async function fetchQueuedFiles(rt: Runtime): Promise<number> {
  const hub = await hubOf(rt);
  if (!hub) return 0;
  let fetched = 0;
  for (const sha256 of await queuedFetches(rt.db, FILES_PER_CYCLE)) {
    if (readBlob(rt.dataDir, sha256)) {
      await unqueueFetch(rt.db, sha256);
      continue;
    }
    const row = await rt.db
      .selectFrom('attachments')
      .select(['sha256', 'size'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) {
      await unqueueFetch(rt.db, sha256);
      continue;
    }
    try {
      if (await fetchChecked(rt, hub, row)) fetched += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return fetched;
}
