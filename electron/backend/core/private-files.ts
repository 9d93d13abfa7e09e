import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Residents' ID numbers and phones live in these files: only the user the app runs as may read
 * them. On Windows chmod only sets the read-only flag and these modes do nothing; there the
 * per-user profile's ACL (%APPDATA%) keeps other accounts out (README, data section).
 */
const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

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
