import { sql } from 'kysely';
import { unpushedEntry } from '../core/pushed-through';
import type { Db } from '../db/queryable';

export async function currentEpoch(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('sync_state')
    .select('epoch')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.epoch ?? null;
}

export async function setEpoch(db: Db, epoch: string, at: string): Promise<void> {
  await db
    .updateTable('sync_state')
    .set({ epoch, epoch_started_at: at })
    .where('id', '=', 1)
    .execute();
  // Every epoch that numbers entries has its push mark, so that a later epoch's reader finds it.
  await db
    .insertInto('outbox_pushed')
    .values({ epoch, through: 0 })
    .onConflict((oc) => oc.column('epoch').doNothing())
    .execute();
}

/**
 * The highest outbox seq this database has issued: AUTOINCREMENT's counter, which deleting pushed
 * entries does not lower, or the highest row when the counter was never written.
 */
export async function outboxHighWater(db: Db): Promise<number> {
  const { rows } = await sql<{ high: number | null }>`SELECT max(
      coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
      coalesce((SELECT max(seq) FROM outbox), 0)) AS high`.execute(db);
  return Number(rows[0]?.high ?? 0);
}

/** The unpushed entries numbered in `epoch`, in the order they were written. */
export async function unpushedSeqs(db: Db, epoch: string): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('seq')
    .where('epoch', '=', epoch)
    .where(sql.raw<boolean>(unpushedEntry('outbox')))
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.seq);
}

/** New seqs above every one issued (the primary key never repeats), in the same order. */
export async function renumberEntries(
  db: Db,
  seqs: readonly number[],
  from: number,
  epoch: string,
): Promise<void> {
  for (const [index, seq] of seqs.entries()) {
    await db
      .updateTable('outbox')
      .set({ seq: from + index, epoch })
      .where('seq', '=', seq)
      .execute();
  }
  // AUTOINCREMENT counts inserts only; the high-water mark must cover the moved entries too.
  if (seqs.length > 0)
    await sql`UPDATE sqlite_sequence SET seq = max(seq, ${from + seqs.length - 1})
      WHERE name = 'outbox'`.execute(db);
}

/**
 * The number counters still in use: case numbers run per terminal and day, dispute numbers per
 * unit, year and terminal, so only the counters of the last days and of this and last year can
 * still issue a number. `fromDay` is YYYYMMDD, `fromYear` a year.
 */
export async function liveCounters(
  db: Db,
  fromDay: string,
  fromYear: number,
): Promise<Record<string, number>> {
  // Two reads, each on an index: the case counters by their day, the dispute ones by the scope.
  const cases = await db
    .selectFrom('case_sequences')
    .select(['scope', 'last'])
    .where(sql`substr(scope, -8)`, '>=', fromDay)
    .execute();
  const disputes = await db
    .selectFrom('case_sequences')
    .select(['scope', 'last'])
    .where('scope', '>=', 'dispute:')
    .where('scope', '<', 'dispute;')
    .execute();
  const live: Record<string, number> = {};
  // A dispute scope's tail (':2026:01') sorts above any day too; those are read below.
  for (const { scope, last } of cases) if (scope.startsWith('case:')) live[scope] = last;
  for (const { scope, last } of disputes)
    if (Number(scope.split(':')[2]) >= fromYear) live[scope] = last;
  return live;
}

/** Raises each counter to at least the given value; a counter is never lowered. */
export async function raiseCounters(db: Db, counters: Record<string, number>): Promise<number> {
  let raised = 0;
  for (const [scope, last] of Object.entries(counters)) {
    const row = await db
      .insertInto('case_sequences')
      .values({ scope, last })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet({ last }).where('case_sequences.last', '<', last),
      )
      .returning('scope')
      .executeTakeFirst();
    if (row) raised += 1;
  }
  return raised;
}

/** The highest version an update stepped to past a base ahead of the clock (core/clock-floor.ts). */
export async function steppedVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('sync_state')
    .select('stepped_version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.stepped_version ?? null;
}

/** Raises the stepped version to at least the given ones; it is never lowered. */
export async function raiseSteppedVersionTo(
  db: Db,
  versions: readonly (string | null | undefined)[],
): Promise<void> {
  for (const version of versions) {
    if (!version) continue;
    await db
      .updateTable('sync_state')
      .set({ stepped_version: version })
      .where('id', '=', 1)
      .where((eb) =>
        eb.or([eb('stepped_version', 'is', null), eb('stepped_version', '<', version)]),
      )
      .execute();
  }
}
