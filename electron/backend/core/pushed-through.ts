import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../db/prepared';

/*
 * What the hub has decided, kept per epoch as one mark (outbox_pushed.through): the push reads an
 * epoch's entries in seq order from its mark on and the hub decides a prefix of them, so every
 * record entry of the epoch up to the last one decided is pushed, and recording an answer is one
 * small write, whatever the size of the log. No entry can later join an epoch below its mark: seqs
 * only grow (AUTOINCREMENT), and entries moved out of an epoch get new seqs in a new one. A file
 * put back (a restore) brings its own marks with its own entries. Entries of the tables with a
 * channel of their own never go up this way; below the mark they count as pushed, which nothing
 * that reads them minds.
 */

/**
 * SQL: the entry `alias` is still to push (never pushed_at, from before the marks, and above its
 * epoch's mark).
 */
export function unpushedEntry(alias: string): string {
  return `${alias}.pushed_at IS NULL AND ${alias}.seq > coalesce((SELECT p.through FROM outbox_pushed p
    WHERE p.epoch = ${alias}.epoch), 0)`;
}

/**
 * SQL: each epoch that may still have entries to push, with its mark: every epoch that was ever
 * current has a row (setEpoch writes it); the current one is read from sync_state as well.
 */
export const PUSH_MARKS = `SELECT epoch, through FROM outbox_pushed
  UNION ALL SELECT epoch, 0 FROM sync_state
    WHERE id = 1 AND epoch NOT IN (SELECT epoch FROM outbox_pushed)`;

/** The highest seq of `epoch` the hub has decided; 0 before its first answer. */
export function pushedThrough(sqlite: BetterSqlite3.Database, epoch: string): number {
  const through = prepared(sqlite, 'SELECT through FROM outbox_pushed WHERE epoch = ?')
    .pluck()
    .get(epoch) as number | undefined;
  return through ?? 0;
}

/**
 * Records that the hub decided the entries of `epoch` up to `seq`, in the caller's transaction.
 * A mark never goes back: an answer repeated after a cut decides nothing new.
 */
export function recordPushedThrough(
  sqlite: BetterSqlite3.Database,
  epoch: string,
  seq: number,
): void {
  prepared(
    sqlite,
    `INSERT INTO outbox_pushed (epoch, through) VALUES (?, ?)
     ON CONFLICT (epoch) DO UPDATE SET through = max(through, excluded.through)`,
  ).run(epoch, seq);
}
