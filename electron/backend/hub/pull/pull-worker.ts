import { parentPort, workerData } from 'node:worker_threads';
import { registerAuditKey } from '../../audit/service';
import { Stamper } from '../../core/clock';
import { openDatabase } from '../../db/connection';
import { WriteTurns } from '../../db/write-turns';
import { UnsyncedOutbox } from './outbox-durability';
import { runPull, type PullEnded, type PullProgress, type PullTarget } from './pull';
import type { PullThreadData, PullThreadMessage } from './pull-thread';

/**
 * The thread's SQLite page cache, in KiB, where the backend's connection has PAGE_CACHE_KIB: a pull
 * mostly appends, and what it reads back again comes from the OS's file cache. At 2 MB the
 * terminal's peak RSS in a pull of 100,000 records was ~10 MB lower than at 8 MB, for the same CPU a
 * record (bench/RESULTS.md, "The pull thread's start and heap").
 */
const PULL_THREAD_PAGE_CACHE_KIB = 2000;

/*
 * The pull's thread (pull-thread.ts starts it): opens the database file as the backend opens it,
 * with the audit key (a merge appends audit entries) and the backend's clock, runs the pull, and
 * posts its progress and its result.
 */
async function main(data: PullThreadData): Promise<void> {
  const post = (message: PullThreadMessage) => parentPort!.postMessage(message);
  const handle = openDatabase(data.file, data.sqliteBinding);
  handle.sqlite.pragma(`cache_size = -${PULL_THREAD_PAGE_CACHE_KIB}`);
  let ended: PullEnded;
  try {
    registerAuditKey(handle.sqlite, Buffer.from(data.auditKey));
    const clock = { now: () => Date.now() + data.clock.offsetMs };
    const stamper = new Stamper(clock, data.clock.node, null, data.clock.shared);
    const turns = new WriteTurns(data.writeTurns);
    const target: PullTarget = {
      db: handle.db,
      sqlite: handle.sqlite,
      stamper,
      terminal: data.terminal,
      unsyncedOutbox: new UnsyncedOutbox(data.unsyncedOutbox),
      giveWay: () => turns.giveWay(),
    };
    const report = (progress: PullProgress) => post({ kind: 'progress', progress });
    ended = await runPull(target, data.job, report);
  } finally {
    await handle.close();
  }
  // Once the file is closed: a restore waiting for the pull may replace it as soon as this arrives.
  post({ kind: 'ended', ended });
}

void main(workerData as PullThreadData);
