import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/*
 * A pulled slice commits with synchronous=NORMAL: lost to a power cut, it is lost with its cursor
 * and pulled again. The one write of a pull that must not be lost once the pusher can see it is an
 * outbox entry (a merge of two records of one person, resident-merge.ts): sent and then lost, its
 * seq would be issued again and the hub would drop the new entry as one it already has. SQLite
 * cannot change synchronous inside a transaction, and whether a slice merges is known only once it
 * has run; so a slice that did write entries is followed, before the connection is let go (the
 * pusher reads the outbox on it), by a write at synchronous=FULL, whose commit syncs the WAL (one
 * file, written in order) and with it every commit before. A slice that merged nothing pays no fsync.
 */

/** The outbox's AUTOINCREMENT counter: it only grows, and a rolled-back insert leaves it as it was. */
function outboxHighWater(sqlite: BetterSqlite3.Database): number {
  const seq = prepared(sqlite, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
    .pluck()
    .get() as number | undefined;
  return seq ?? 0;
}

/**
 * A commit at synchronous=FULL that writes one page and changes nothing: user_version rewritten
 * with its own value dirties page 1. An UPDATE to the same values writes no page, and a commit
 * without a page neither appends to the WAL nor syncs it (strace).
 */
function syncWal(sqlite: BetterSqlite3.Database): void {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  sqlite.pragma(`user_version = ${version}`);
}

/**
 * Sets synchronous=NORMAL for the transaction the caller runs next on the connection it holds.
 * The function returned, called once that transaction has ended and before the connection is let
 * go, sets back FULL, the connection's setting (db/connection.ts), and makes the transaction
 * durable when it wrote outbox entries.
 */
export function commitUnsynced(sqlite: BetterSqlite3.Database): () => void {
  const before = outboxHighWater(sqlite);
  sqlite.pragma('synchronous = NORMAL');
  return () => {
    sqlite.pragma('synchronous = FULL');
    if (outboxHighWater(sqlite) !== before) syncWal(sqlite);
  };
}
