import { z } from 'zod';
import { SYNC_PATHS } from './records-contract';

/**
 * Attachment files between a terminal and the hub (issue 15, item 6). They travel apart from the
 * records that name them, content-addressed by SHA-256 at SYNC_PATHS.blob(sha256):
 * - HEAD: how much of the file the hub holds (BLOB_OFFSET_HEADER) and whether it is whole
 *   (BLOB_STATE_HEADER); any enrolled terminal of the county may ask.
 * - PUT, application/octet-stream with `Content-Range: bytes start-end/total`: one chunk appended
 *   at the stated offset. A chunk that starts anywhere but the bytes held is refused with 409
 *   BLOB_OFFSET_MISMATCH and the hub's offset in BLOB_OFFSET_HEADER, so an upload cut midway
 *   resumes where the hub stopped. The last chunk makes the hub check size and SHA-256 before the
 *   file is kept; a file already whole answers "complete" and changes nothing.
 * - GET: the file, for a terminal whose unit sees a record that names it.
 */

export { SYNC_PATHS };

/** The terminal's own attachment limit (electron/backend/attachments/content.ts): 10 MiB. */
export const BLOB_SIZE_MAX = 10 * 1024 * 1024;

/**
 * One PUT carries at most this much. A chunk is held in memory while it is written; 1 MiB keeps
 * that small on a hub serving thousands of terminals, and a cut on a slow extranet line loses at
 * most one chunk's time.
 */
export const BLOB_CHUNK_MAX = 1024 * 1024;

/** Bytes of the file the hub holds: the whole size once complete, 0 when it has none. */
export const BLOB_OFFSET_HEADER = 'upload-offset';
/** 'complete' | 'partial' | 'absent', on HEAD and PUT answers. */
export const BLOB_STATE_HEADER = 'x-township-desk-blob-state';

export const blobStateSchema = z.enum(['complete', 'partial', 'absent']);
export type BlobState = z.infer<typeof blobStateSchema>;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '附件校验值应为 64 位十六进制数');

/** The answer to a PUT: the bytes the hub now holds, and whether the file is whole and checked. */
export const blobUploadResponseSchema = z.object({
  offset: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type BlobUploadResponse = z.infer<typeof blobUploadResponseSchema>;

export interface ContentRange {
  start: number;
  end: number;
  total: number;
}

export function formatContentRange(range: ContentRange): string {
  return `bytes ${range.start}-${range.end}/${range.total}`;
}

/** `bytes start-end/total` with start <= end < total; anything else is null. */
export function parseContentRange(header: string | undefined): ContentRange | null {
  const match = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header ?? '');
  if (!match) return null;
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return start <= end && end < total ? { start, end, total } : null;
}

export const BLOB_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type BlobMime = (typeof BLOB_MIMES)[number];

/** PNG's whole signature: \x89 P N G, then CR LF, EOF (^Z) and LF, which catch a text-mode copy. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The first bytes each accepted type starts with; a renamed file is refused, not stored. */
const SIGNATURES: Record<BlobMime, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => PNG_SIGNATURE.every((byte, index) => b[index] === byte),
  // RIFF, four bytes of length, then WEBP.
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b) => ascii(b, 0, 4) === '%PDF',
};

export function contentMatchesMime(mime: string, bytes: Uint8Array): boolean {
  return SIGNATURES[mime as BlobMime]?.(bytes) ?? false;
}

/** The accepted type a file's first bytes show, or null: what the hub keeps is what the terminal takes. */
export function sniffBlobMime(bytes: Uint8Array): BlobMime | null {
  return BLOB_MIMES.find((mime) => SIGNATURES[mime](bytes)) ?? null;
}

/** The first bytes sniffBlobMime needs (WebP's is the longest signature). */
export const BLOB_SNIFF_BYTES = 12;
