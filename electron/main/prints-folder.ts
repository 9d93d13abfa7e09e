import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Printed PDFs carry residents' ID numbers and phones in full: owner-only, and not kept for ever. */
const PRINTS_DIR_MODE = 0o700;
export const PRINT_FILE_MODE = 0o600;
/**
 * A printed PDF is a copy of a paper already handed out; the record stays in the database and
 * prints again. A week covers a reprint asked for on the next working days.
 */
export const KEEP_PRINTS_MS = 7 * 24 * 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/** Creates the prints folder owner-only, and narrows one an earlier version left readable. */
export async function preparePrintsFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRINTS_DIR_MODE });
  await chmod(folder, PRINTS_DIR_MODE);
}

/** Deletes the PDFs last written more than `keepMs` before `nowMs`; returns their names. */
export async function prunePrints(folder: string, nowMs: number, keepMs = KEEP_PRINTS_MS) {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.pdf')) continue;
    const path = join(folder, name);
    if (nowMs - (await stat(path)).mtimeMs <= keepMs) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
