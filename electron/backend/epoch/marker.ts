import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFileAtomically } from '../core/private-files';

/**
 * What this installation last knew of its database, kept beside it in the data folder but outside
 * it: a database file swapped while the app was off (copied from another PC, or a backup put back
 * by hand) does not bring this file along, so at the next start the two disagree and the database
 * gets a new epoch (service.ts settleEpochAtOpen).
 *
 * `outboxSeq` is the outbox's high-water mark (SQLite's AUTOINCREMENT counter, which pruning pushed
 * entries does not lower); `counters` are the live case and dispute number counters, so that a
 * database put back by hand never prints a number that was printed before it was swapped;
 * `steppedVersion` likewise is the highest version an update stepped to past a base ahead of the
 * clock (core/clock-floor.ts), so that such a version is never issued twice. Optional: markers
 * written before it have none.
 */
export const EPOCH_MARKER_FILE = 'sync-epoch.json';

const markerSchema = z.object({
  epoch: z.string().min(1),
  outboxSeq: z.number().int().nonnegative(),
  counters: z.record(z.string(), z.number().int().nonnegative()),
  steppedVersion: z.string().min(1).optional(),
  writtenAt: z.string(),
});
export type EpochMarker = z.infer<typeof markerSchema>;

export type MarkerReading =
  | { kind: 'missing' }
  /** Unreadable or of an unknown shape: nothing it says can be trusted. */
  | { kind: 'unreadable' }
  | { kind: 'found'; marker: EpochMarker };

export function markerPath(dataDir: string): string {
  return join(dataDir, EPOCH_MARKER_FILE);
}

export function readMarker(dataDir: string): MarkerReading {
  const file = markerPath(dataDir);
  if (!existsSync(file)) return { kind: 'missing' };
  try {
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { kind: 'found', marker: parsed.data } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** Under a temporary name, flushed, then renamed: a power cut leaves the old marker or the new one. */
export function writeMarker(dataDir: string, marker: EpochMarker): void {
  writePrivateFileAtomically(markerPath(dataDir), JSON.stringify(marker));
}

/**
 * The routine refresh (before each push, hourly, at shutdown): under a temporary name and renamed,
 * but not flushed, and off the event loop. Two flushes cost 20 ms on a busy disk, on every push; what
 * a power cut can leave instead is the previous marker or an empty file, and an empty file is
 * unreadable, which starts a new epoch: the safe side. The temporary file is removed only when the
 * write or the rename failed: after a rename it is gone, and looking for it cost a push two more
 * trips through libuv's thread pool.
 */
export async function writeMarkerUnflushed(dataDir: string, marker: EpochMarker): Promise<void> {
  const file = markerPath(dataDir);
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(marker), { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A process killed between a refresh's write and its rename leaves its temporary file: at open,
 * before any refresh runs, those are removed (a kill each would otherwise leave one for good).
 */
export function removeLeftoverMarkers(dataDir: string): void {
  for (const name of readdirSync(dataDir))
    if (name.startsWith(`${EPOCH_MARKER_FILE}.`) && name.endsWith('.tmp'))
      rmSync(join(dataDir, name), { force: true });
}
