import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from '../core/private-files';

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
 * Writes the content unless it is already stored. Written to a temporary name, flushed, then renamed,
 * so that a crash never leaves a half-written file under a hash name.
 */
export function storeBlob(dataDir: string, sha256: string, bytes: Uint8Array): void {
  const target = blobPath(dataDir, sha256);
  if (existsSync(target)) return;
  privateDir(join(dataDir, 'attachments'));
  privateDir(dirname(target));
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function readBlob(dataDir: string, sha256: string): Buffer | null {
  const path = blobPath(dataDir, sha256);
  return existsSync(path) ? readFileSync(path) : null;
}
