import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/*
 * A pulled slice commits with synchronous=NORMAL: lost to a power cut, it is lost with its cursor
 * and pulled again. The one write of a pull that must not be lost once the pusher can see it is an
 * outbox entry (a merge of two records of one person, resident-merge.ts): sent and then lost, its
 * seq would be issued again and the hub would drop the new entry as one it already has. SQLite
 * cannot change synchronous inside a transaction, and whether a slice merges is known only once it
 * has run; so a slice that did write entries is followed by a write at synchronous=FULL, whose
 * commit syncs the WAL (one file, written in order) and with it every commit before. A slice that
 * merged nothing pays no fsync. The pull runs in a thread of its own and the pusher reads on the
 * backend's connection, which sees a slice's commit at once: UnsyncedOutbox covers the moment between.
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
 * Whether a pull's slice may have committed outbox entries not yet synced, in memory the backend's
 * thread and the pull's thread share: the pusher reads the outbox on the backend's connection, which
 * sees the pull's commit before the pull's thread has synced it (and would not see a sync write that
 * failed, a full disk). Set before the slice begins and cleared once nothing is left unsynced; a
 * pusher that finds it set after reading its batch syncs the WAL itself before sending (syncMarked).
 */
export class UnsyncedOutbox {
  readonly shared: SharedArrayBuffer;
  private readonly flag: Int32Array;

  /** `shared`: the backend's flag, seen from the pull's thread. */
  constructor(shared?: SharedArrayBuffer) {
    this.shared = shared ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.flag = new Int32Array(this.shared);
  }

  mark(): void {
    Atomics.store(this.flag, 0, 1);
  }

  clear(): void {
    Atomics.store(this.flag, 0, 0);
  }

  get marked(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }
}

/**
 * The pusher's side, after it has read the entries it will send: a batch read while the flag was
 * set may hold entries a power cut would take back, so the WAL is synced first. Read after the
 * batch: an entry the batch holds was committed, so the flag was set before it, and is cleared only
 * once that commit is on disk.
 */
export function syncMarked(sqlite: BetterSqlite3.Database, unsynced: UnsyncedOutbox): void {
  if (unsynced.marked) syncWal(sqlite);
}

/**
 * Sets synchronous=NORMAL for the transaction the caller runs next on the connection it holds.
 * The function returned, called once that transaction has ended, sets back FULL, the connection's
 * setting (db/connection.ts), and makes the transaction durable when it wrote outbox entries.
 */
export function commitUnsynced(
  sqlite: BetterSqlite3.Database,
  unsynced: UnsyncedOutbox,
): () => void {
  const before = outboxHighWater(sqlite);
  // Left set by an earlier slice whose sync write failed: its entries are still unsynced.
  const leftover = unsynced.marked;
  unsynced.mark();
  sqlite.pragma('synchronous = NORMAL');
  return () => {
    sqlite.pragma('synchronous = FULL');
    if (leftover || outboxHighWater(sqlite) !== before) syncWal(sqlite);
    unsynced.clear();
  };
}
