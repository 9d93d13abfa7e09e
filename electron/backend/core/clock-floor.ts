import { CompiledQuery } from 'kysely';
import type { Db } from '../db/queryable';

/**
 * The clock's floor: the highest version this terminal's clock issued or took in. It lives in
 * sync_state, apart from the outbox, because pushed entries may be pruned and the clock must never go
 * back to below a version it already handed out (two changes of one terminal with one version would
 * be indistinguishable at the hub). Versions are fixed-width text that sorts in clock order. The write
 * module raises it to the clock's position with every entry (core/changes.ts), and a pulled page's
 * versions raise it in the transaction that applies them. An update's version that stepped past a
 * base far ahead (Stamper.nextVersionAfter) is no clock's reading and never raises it: the clock
 * would restart a year ahead and stamp every later change there.
 */
export async function raiseClockFloor(db: Db, version: string): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(RAISE_FLOOR, [version, version]));
}

/*
 * Precompiled: the write module raises the floor with every entry, and building the query each time
 * cost several times what the update itself does (bench:change-log).
 */
const RAISE_FLOOR = `UPDATE sync_state SET clock_floor = ?
  WHERE id = 1 AND (clock_floor IS NULL OR clock_floor < ?)`;

/**
 * Where the clock starts when the backend opens: above the floor. Not above the newest outbox entry:
 * that may be an update stepped past a base far ahead, and the floor already holds every version the
 * clock issued (migration 2026_12_07_0000 seeded it from the outbox).
 */
export async function clockSeed(db: Db): Promise<string | null> {
  const state = await db
    .selectFrom('sync_state')
    .select('clock_floor')
    .where('id', '=', 1)
    .executeTakeFirst();
  return state?.clock_floor ?? null;
}

/**
 * The highest version Stamper.nextVersionAfter stepped to, kept apart from the floor (which must not
 * follow it): the hub keeps what it took from this terminal per record, so a version issued twice,
 * after a restore put the row back to its base, would be dropped there as already taken. Raised only
 * by an entry whose version is ahead of the clock, in its transaction; the epoch marker carries it
 * over a restore (epoch/service.ts).
 */
export async function raiseSteppedVersion(db: Db, version: string): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(RAISE_STEPPED, [version, version]));
}

const RAISE_STEPPED = `UPDATE sync_state SET stepped_version = ?
  WHERE id = 1 AND (stepped_version IS NULL OR stepped_version < ?)`;
