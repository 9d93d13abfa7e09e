import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './open-runtime';

const INCOMING_SUFFIX = '.restoring';
/** Windows refuses a rename while a scanner or indexer has the file open for a moment. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_TRIES = 5;
const RENAME_PAUSE_MS = 200;

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function renameRetrying(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT.has(code) || attempt >= RENAME_TRIES) throw error;
      pause(RENAME_PAUSE_MS);
    }
  }
}

/**
 * Where step one of a restore puts the chosen backup, beside the database: decompressed, flushed
 * and verified by the backup worker while the database is still open and untouched, so that a full
 * disk or a bad backup fails there and a power cut after the swap cannot leave a half-written file
 * in place of the old one.
 */
export function incomingPath(dataDir: string): string {
  return join(dataDir, `${DATABASE_FILE}${INCOMING_SUFFIX}`);
}

/** Removes a staged copy that will not be used. */
function discardStagedRestore(incoming: string): void {
  rmSync(incoming, { force: true });
}

/**
 * Step two, with the database closed: the staged copy takes the database's place, only by renames.
 * The old WAL and shared-memory files must go with the old file (a clean close has removed them). A damaged file cannot be copied
 * through SQLite's backup, so it is moved aside whole under `setAsideName`, with its WAL (which
 * may hold the last saved work), for whoever repairs it. Any failure puts back every file it moved,
 * so the old database opens as it was. Returns the name the old file was set aside under, if any.
 */
export function swapInRestore(
  dataDir: string,
  incoming: string,
  setAsideName?: string,
): string | null {
  const file = join(dataDir, DATABASE_FILE);
  const moved: [from: string, to: string][] = [];
  let setAside: string | null = null;
  const move = (from: string, to: string) => {
    renameRetrying(from, to);
    moved.push([from, to]);
  };
  // The old WAL and shared memory are moved out of the way, not deleted, until the swap is done.
  const leftovers: string[] = [];
  try {
    if (setAsideName && existsSync(file)) {
      move(file, join(dataDir, setAsideName));
      setAside = setAsideName;
      if (existsSync(`${file}-wal`)) move(`${file}-wal`, join(dataDir, `${setAsideName}-wal`));
    }
    for (const suffix of ['-wal', '-shm']) {
      if (!existsSync(file + suffix)) continue;
      const out = `${incoming}.old${suffix}`;
      move(file + suffix, out);
      leftovers.push(out);
    }
    move(incoming, file);
  } catch (error) {
    // Newest first; an undo that fails stops the rest, so the main file never returns without
    // its WAL (the caller then finds no database file and offers recovery with where they are).
    try {
      for (const [from, to] of moved.reverse()) renameRetrying(to, from);
    } finally {
      discardStagedRestore(incoming);
    }
    throw error;
  }
  for (const leftover of leftovers) rmSync(leftover, { force: true });
  return setAside;
}
