import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { privateDir, writePrivateFileAtomically } from '../core/private-files';

/**
 * Attachment files, content-addressed: <dataDir>/attachments/<first two hex>/<sha256>. One file per
 * content however many cases carry it; sync moves them separately by the same hash.
 */

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/**
 * Writes the content unless it is already stored, whole or not at all.
 */
export function storeBlob(dataDir: string, sha256: string, bytes: Uint8Array): void {
  const target = blobPath(dataDir, sha256);
  if (existsSync(target)) return;
  privateDir(join(dataDir, 'attachments'));
  privateDir(dirname(target));
  writePrivateFileAtomically(target, bytes);
}

export function readBlob(dataDir: string, sha256: string): Buffer | null {
  const path = blobPath(dataDir, sha256);
  return existsSync(path) ? readFileSync(path) : null;
}
