import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { TerminalIdentity } from '../../core/context';
import type { Runtime } from '../../core/runtime';
import {
  applyFailed,
  type PullEnded,
  type PullJob,
  type PullProgress,
  type RecordPull,
} from './pull';

/*
 * The pull runs in a worker thread with a connection of its own to the database file: its page
 * parsing, its slices' transactions and their commits, and the garbage they leave, no longer hold
 * up the thread that answers the counter's requests (issue 15: answered within 50 ms during a pull
 * of 100,000 records). WAL lets this thread read beside the pull's writes; a write here waits for
 * the pull's slice to commit (busy_timeout, BEGIN IMMEDIATE in db/connection.ts), and the pull keeps
 * its slices short. Both threads stamp with one clock (core/clock.ts keeps it in shared memory).
 *
 * The thread runs a module of its own: pull-worker.js beside the bundle in the app and browser mode
 * (a main entry of electron.vite.config.ts), or pull-worker.ts through tsx where the backend itself
 * runs from source (vitest).
 */

export interface PullThreadData {
  job: PullJob;
  file: string;
  sqliteBinding: string | undefined;
  auditKey: Uint8Array;
  terminal: TerminalIdentity | null;
  clock: { shared: SharedArrayBuffer; node: string; offsetMs: number };
  /** The backend's WriteTurns and UnsyncedOutbox, shared. */
  writeTurns: SharedArrayBuffer;
  unsyncedOutbox: SharedArrayBuffer;
}

export type PullThreadMessage =
  { kind: 'progress'; progress: PullProgress } | { kind: 'ended'; ended: PullEnded };

/** The thread's code: the built module, or the source through tsx's require hook. */
function workerEntry(): { source: string; eval: boolean } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = join(dirname(here), '../../../..');
    const source = `
process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(join(root, 'tsconfig.node.json'))};
require('tsx/cjs/api').register();
require(${JSON.stringify(join(dirname(here), 'pull-worker.ts'))});
`;
    return { source, eval: true };
  }
  // A bundle's shared code may sit in a chunks folder below the entries.
  for (const dir of [dirname(here), dirname(dirname(here))]) {
    const file = join(dir, 'pull-worker.js');
    if (existsSync(file)) return { source: file, eval: false };
  }
  throw new Error(`pull-worker.js is not beside ${here}`);
}

const CLOSING: RecordPull = {
  state: 'failed',
  applied: 0,
  problem: '软件正在关闭，业务记录同步已停止，下次打开软件时继续',
};

const threads = new WeakMap<Runtime, Set<Worker>>();
const starts = new WeakMap<Runtime, number>();

/** How many pull threads this runtime has started (a pull with nothing new starts none). */
export function pullThreadStarts(rt: Runtime): number {
  return starts.get(rt) ?? 0;
}

/**
 * The thread's V8 heap: semi-spaces of 2 MB, a young generation of 6 MB, where the backend's has
 * 8 MB semi-spaces (host/heap.ts). The thread's slices leave their garbage young, and a larger young
 * generation only held it longer: the terminal's peak RSS in a pull of 100,000 records was ~10 MB
 * lower at 2 MB for the same CPU a record (bench/RESULTS.md, "The pull thread's start and heap").
 * V8 sizes a new isolate's semi-spaces from --max-semi-space-size, over a Worker's resourceLimits,
 * and reads the flag only then: set before the thread starts, it leaves the backend's own heap as
 * it is, and the backend's threads started later (backup, background check, which allocate little)
 * get the same young generation.
 */
const PULL_THREAD_SEMI_SPACE_FLAG = '--max-semi-space-size=2';

/**
 * Runs the pull in its thread; `onProgress` gets what it reports. A thread that throws, cannot
 * start or ends without a result ends the pull as failed: its slice rolled back with its cursor,
 * and the next cycle resumes from the last one committed.
 */
export function runPullThread(
  rt: Runtime,
  job: PullJob,
  onProgress: (progress: PullProgress) => void,
): Promise<PullEnded> {
  let applied = 0;
  const failed = (error: unknown): PullEnded => ({
    pull: applyFailed(applied, error),
    limit: undefined,
  });
  // A cycle that was asking for its first page when the backend began to close would otherwise
  // start a whole pull that the close then waits for.
  if (rt.closing) return Promise.resolve({ pull: CLOSING, limit: undefined });
  let worker: Worker;
  try {
    const entry = workerEntry();
    const workerData: PullThreadData = {
      job,
      file: rt.databaseFile,
      sqliteBinding: rt.sqliteBinding,
      auditKey: rt.auditKey,
      terminal: rt.terminal,
      clock: {
        shared: rt.stamper.shared,
        node: rt.stamper.nodeId,
        offsetMs: rt.stamper.clock.now() - Date.now(),
      },
      writeTurns: rt.writeTurns.shared,
      unsyncedOutbox: rt.unsyncedOutbox.shared,
    };
    setFlagsFromString(PULL_THREAD_SEMI_SPACE_FLAG);
    worker = new Worker(entry.source, { workerData, eval: entry.eval });
  } catch (error) {
    return Promise.resolve(failed(error));
  }
  starts.set(rt, pullThreadStarts(rt) + 1);
  const running = threads.get(rt) ?? new Set<Worker>();
  threads.set(rt, running);
  running.add(worker);
  return new Promise<PullEnded>((resolve) => {
    let ended: PullEnded | null = null;
    worker.on('message', (message: PullThreadMessage) => {
      if (message.kind === 'progress') {
        applied = message.progress.applied;
        onProgress(message.progress);
      } else {
        // Answered now, not at the thread's exit: an idle keep-alive socket to the hub may hold
        // it a moment longer (its connection is closed before it reports, pull-worker.ts).
        ended = message.ended;
        resolve(ended);
      }
    });
    let problem: unknown = null;
    worker.once('error', (error) => (problem = error));
    worker.once('exit', (code) => {
      running.delete(worker);
      resolve(ended ?? failed(problem ?? new Error(`同步线程意外结束（${code}）`)));
    });
  });
}

/**
 * Ends the runtime's pull threads (the app quits, the database closes): a slice cut short rolls
 * back with its cursor, and the pull waiting on the thread ends as failed.
 */
export async function stopPullThreads(rt: Runtime): Promise<void> {
  await Promise.all([...(threads.get(rt) ?? [])].map((worker) => worker.terminate()));
}
