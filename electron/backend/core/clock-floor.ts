import type { Db } from '../db/queryable';

/**
 * The clock's floor: the highest version this terminal issued or took in. It lives in sync_state,
 * apart from the outbox, because pushed entries may be pruned and the clock must never go back to
 * below a version it already handed out (two changes of one terminal with one version would be
 * indistinguishable at the hub). Versions are fixed-width text that sorts in clock order.
 */
export async function raiseClockFloor(db: Db, version: string): Promise<void> {
  await db
    .updateTable('sync_state')
    .set({ clock_floor: version })
    .where('id', '=', 1)
    .where((eb) => eb.or([eb('clock_floor', 'is', null), eb('clock_floor', '<', version)]))
    .execute();
}

/** Where the clock starts when the backend opens: above the floor and above every entry still held. */
export async function clockSeed(db: Db): Promise<string | null> {
  const state = await db
    .selectFrom('sync_state')
    .select('clock_floor')
    .where('id', '=', 1)
    .executeTakeFirst();
  // The newest entry by seq, not max(version): a primary-key read, and the floor already covers the rest.
  const last = await db
    .selectFrom('outbox')
    .select('version')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const candidates = [state?.clock_floor, last?.version].filter(
    (version): version is string => typeof version === 'string',
  );
  return candidates.length > 0 ? candidates.reduce((a, b) => (a > b ? a : b)) : null;
}
