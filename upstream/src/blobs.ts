import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import {
  BLOB_SNIFF_BYTES,
  sniffBlobMime,
  type BlobState,
  type BlobUploadResponse,
  type ContentRange,
} from '@shared/sync/blob-contract';
import { HubFailure } from './failure';
import type { Db } from './org-units';

export interface BlobStore {
  /** The hub's attachments folder: one folder per county, in it one per first two hex digits. */
  dir: string;
  /** Largest attachment accepted, in bytes. */
  sizeLimit: number;
}

/** <dir>/<county>/<ab>/<sha256>: counties apart, as every hub table is keyed by county first. */
export function blobPath(store: BlobStore, countyCode: string, sha256: string): string {
  return join(store.dir, countyCode, sha256.slice(0, 2), sha256);
}

/** The bytes received so far. Its length is the upload's offset: nothing else is kept of it. */
function partialPath(store: BlobStore, countyCode: string, sha256: string): string {
  return `${blobPath(store, countyCode, sha256)}.partial`;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// Chunks of one file are appended one at a time: two terminals resuming the same file at once must
// not interleave. A county runs one hub process, so a lock in memory is enough.
const busy = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = busy.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  busy.set(key, next);
  void next
    .catch(() => undefined)
    .then(() => {
      if (busy.get(key) === next) busy.delete(key);
    });
  return next;
}

export async function blobStatus(
  db: Db,
  store: BlobStore,
  countyCode: string,
  sha256: string,
): Promise<{ state: BlobState; offset: number }> {
  const row = await db
    .selectFrom('sync_blobs')
    .select('size')
    .where('county_code', '=', countyCode)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (row) return { state: 'complete', offset: Number(row.size) };
  const held = await fileSize(partialPath(store, countyCode, sha256));
  return held === null ? { state: 'absent', offset: 0 } : { state: 'partial', offset: held };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function appendFlushed(path: string, bytes: Buffer): Promise<void> {
  const file = await open(path, 'a', 0o600);
  try {
    await file.write(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

export interface BlobChunk {
  countyCode: string;
  sha256: string;
  range: ContentRange;
  bytes: Buffer;
  terminalId: string;
  now: Date;
}

export type ChunkOutcome =
  | ({ kind: 'stored' } & BlobUploadResponse)
  /** The chunk does not start where the hub's bytes end: the terminal resumes from `offset`. */
  | { kind: 'offset-mismatch'; offset: number };

/**
 * Checks the whole file the last chunk completed: the size the terminal named and the SHA-256 of
 * the path, and an accepted type. A file that fails is removed, so a retry starts clean.
 */
async function keepWhole(db: Db, store: BlobStore, chunk: BlobChunk): Promise<void> {
  const partial = partialPath(store, chunk.countyCode, chunk.sha256);
  const head = Buffer.alloc(BLOB_SNIFF_BYTES);
  const file = await open(partial, 'r');
  try {
    await file.read(head, 0, BLOB_SNIFF_BYTES, 0);
  } finally {
    await file.close();
  }
  const mime = sniffBlobMime(head);
  const size = await fileSize(partial);
  if (size !== chunk.range.total || (await sha256OfFile(partial)) !== chunk.sha256 || !mime) {
    await rm(partial, { force: true });
    throw new HubFailure('BLOB_CORRUPT');
  }
  await rename(partial, blobPath(store, chunk.countyCode, chunk.sha256));
  await db
    .insertInto('sync_blobs')
    .values({
      county_code: chunk.countyCode,
      sha256: chunk.sha256,
      size,
      mime,
      stored_at: chunk.now,
      uploaded_by_terminal_id: chunk.terminalId,
    })
    .onConflict((oc) => oc.columns(['county_code', 'sha256']).doNothing())
    .execute();
}

/**
 * Appends one chunk of an upload at its stated offset. A file the hub already holds whole answers
 * complete whatever is sent (the hash names the content); a chunk at another offset is not written.
 */
export function storeChunk(db: Db, store: BlobStore, chunk: BlobChunk): Promise<ChunkOutcome> {
  const { countyCode, sha256, range, bytes } = chunk;
  return oneAtATime(`${countyCode}/${sha256}`, async () => {
    const status = await blobStatus(db, store, countyCode, sha256);
    if (status.state === 'complete')
      return { kind: 'stored', offset: status.offset, complete: true };
    if (range.total > store.sizeLimit)
      throw new HubFailure(
        'PAYLOAD_TOO_LARGE',
        `附件超过 ${store.sizeLimit / 1024 / 1024} MB，县级平台未接收`,
      );
    if (bytes.length !== range.end - range.start + 1)
      throw new HubFailure('INVALID_INPUT', '上传的数据长度与 Content-Range 不符');
    const partial = partialPath(store, countyCode, sha256);
    let offset = status.offset;
    if (offset > range.total) {
      // Left by an upload that named another size: not a prefix of this file.
      await rm(partial, { force: true });
      offset = 0;
    }
    if (range.start !== offset) return { kind: 'offset-mismatch', offset };
    if (range.start === 0 && !sniffBlobMime(bytes.subarray(0, BLOB_SNIFF_BYTES)))
      throw new HubFailure('BLOB_TYPE_REFUSED');
    await mkdir(dirname(partial), { recursive: true });
    await appendFlushed(partial, bytes);
    if (range.end + 1 < range.total)
      return { kind: 'stored', offset: range.end + 1, complete: false };
    await keepWhole(db, store, chunk);
    return { kind: 'stored', offset: range.total, complete: true };
  });
}

/**
 * The file, when the caller's unit sees an attachment record that names it (as owner, addressee or
 * reader of the record's case, dispute or report) and the hub holds it whole; else null. Whether
 * the hub has a file nobody here may see is not told apart from not having it.
 */
export async function readableBlob(
  db: Db,
  store: BlobStore,
  countyCode: string,
  unitId: string,
  sha256: string,
): Promise<{ path: string; size: number; mime: string } | null> {
  const row = await db
    .selectFrom('sync_records as r')
    .innerJoin('sync_visibility as v', (join) =>
      join
        .onRef('v.county_code', '=', 'r.county_code')
        .onRef('v.root_id', '=', 'r.root_id')
        .on('v.unit_id', '=', unitId),
    )
    .innerJoin('sync_blobs as b', (join) =>
      join.onRef('b.county_code', '=', 'r.county_code').on('b.sha256', '=', sha256),
    )
    .select(['b.size', 'b.mime'])
    .where('r.county_code', '=', countyCode)
    .where('r.table_name', '=', 'attachments')
    .where(sql<string>`(r.columns ->> 'sha256')`, '=', sha256)
    .where('r.deleted', '=', false)
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { path: blobPath(store, countyCode, sha256), size: Number(row.size), mime: row.mime };
}
