import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * Residents' ID numbers and phones live in these files: only the user the app runs as may read
 * them. On Windows chmod only sets the read-only flag and these modes do nothing; there the
 * per-user profile's ACL (%APPDATA%) keeps other accounts out (README, data section).
 */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) owner-only, and makes an existing one owner-only. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes the database file owner-only before SQLite opens it: SQLite gives its -wal, -shm and
 * -journal files the mode of the database file. Files an earlier version left readable are narrowed.
 */
export function privateDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Writes a whole file owner-only: under a temporary name, flushed, renamed over the target, and the
 * rename itself flushed, so that a power cut leaves the old file or the complete new one, never a
 * half-written one under the real name (a half key would sign entries nobody can check; a half
 * attachment would stand under the hash of the whole).
 */
export function writePrivateFileAtomically(file: string, content: Uint8Array | string): void {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncFolder(dirname(file));
}

/** Makes a rename durable; Windows cannot open a folder for flushing and journals renames. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
