import type { Runtime } from '../core/runtime';
import { pushPending, type PushOutcome } from './pusher';

/** A change at the counter goes up this long after it, with whatever else was written meanwhile. */
export const PUSH_DEBOUNCE_MS = 1_500;
/**
 * After a failed push, while entries wait, the next try comes after the first delay, doubling up to
 * the cap: a hub back up gets them within the cap (plus one request) without a new local write.
 */
export const PUSH_RETRY_FIRST_MS = 2_000;
export const PUSH_RETRY_MAX_MS = 20_000;

export interface PushScheduleOptions {
  debounceMs?: number;
  retryFirstMs?: number;
  retryMaxMs?: number;
  push?: (rt: Runtime) => Promise<PushOutcome>;
}

/** The background push of the change log: one push at a time, soon after a write, retried after a failure. */
export interface PushSchedule {
  /** A push now, or the one running joined (and run once more after it, for what came meanwhile). */
  run(): Promise<PushOutcome>;
  /** After any call: when the change log grew, a push within the debounce. Cheap otherwise. */
  noteWrites(): void;
  /** Enrolled: pushes may run from now on. */
  start(): void;
  /** No push starts after this; waits for a running one (shutdown, restore). */
  stop(): Promise<void>;
  /** Whether a retry is due (tests). */
  retrying(): boolean;
}

const IDLE: PushOutcome = { state: 'done', pushed: 0, rejected: 0, problem: null, stop: false };

/** The outbox's last seq without reading the table: SQLite keeps it for AUTOINCREMENT. */
function lastSeq(rt: Runtime): number {
  const row = rt.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}

export function createPushSchedule(
  runtime: () => Runtime,
  log: (error: unknown) => void,
  options: PushScheduleOptions = {},
): PushSchedule {
  const debounceMs = options.debounceMs ?? PUSH_DEBOUNCE_MS;
  const retryFirstMs = options.retryFirstMs ?? PUSH_RETRY_FIRST_MS;
  const retryMaxMs = options.retryMaxMs ?? PUSH_RETRY_MAX_MS;
  const push = options.push ?? ((rt: Runtime) => pushPending(rt));
  let started = false;
  let running: Promise<PushOutcome> | null = null;
  let again = false;
  let soon: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let retryMs = retryFirstMs;
  let seenSeq = -1;

  function clearTimers(): void {
    if (soon) clearTimeout(soon);
    if (retry) clearTimeout(retry);
    soon = null;
    retry = null;
  }

  function later(ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      if (timer === soon) soon = null;
      if (timer === retry) retry = null;
      run().catch(log);
    }, ms);
    timer.unref();
    return timer;
  }

  async function once(): Promise<PushOutcome> {
    const rt = runtime();
    // A restore swaps the file and a rebuild holds the indexes: tried again after them.
    if (rt.restoring || rt.reindexing)
      return { ...IDLE, state: 'failed', problem: null, stop: false };
    if (rt.damaged || !rt.terminal) return { ...IDLE, state: 'standalone', stop: true };
    try {
      return await push(rt);
    } catch (error) {
      log(error);
      return { ...IDLE, state: 'failed', problem: null };
    }
  }

  function settle(outcome: PushOutcome): void {
    if (!started) return;
    if (outcome.state === 'failed' && !outcome.stop) {
      if (!retry) retry = later(retryMs);
      retryMs = Math.min(retryMs * 2, retryMaxMs);
      return;
    }
    retryMs = retryFirstMs;
  }

  function run(): Promise<PushOutcome> {
    if (!started) return Promise.resolve({ ...IDLE, state: 'standalone', stop: true });
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let outcome: PushOutcome;
      do {
        again = false;
        outcome = await once();
      } while (again && started && outcome.state === 'done');
      settle(outcome);
      return outcome;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    run,
    noteWrites() {
      if (!started || soon) return;
      let seq: number;
      try {
        const rt = runtime();
        if (rt.restoring || rt.damaged) return;
        seq = lastSeq(rt);
      } catch (error) {
        log(error);
        return;
      }
      if (seq === seenSeq) return;
      seenSeq = seq;
      soon = later(debounceMs);
    },
    start() {
      started = true;
      retryMs = retryFirstMs;
    },
    async stop() {
      started = false;
      clearTimers();
      await running?.catch(() => undefined);
    },
    retrying: () => retry !== null,
  };
}
