/**
 * The terminal of bench:push and bench:pull, in a process of its own (bench/lib/terminal-process.ts
 * starts it): the real backend on its data dir (argv[2]), joined to the hub as the wizard joins it.
 * The parent sends commands over IPC; this process holds nothing of the bench besides them.
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { systemClock } from '../../electron/backend/core/clock';
import type { Runtime } from '../../electron/backend/core/runtime';
import { pullRecords } from '../../electron/backend/hub/pull/pull';
import { pushPending } from '../../electron/backend/hub/pusher';
import { readEnrolment } from '../../electron/backend/hub/repository';
import { createHarness, type Harness } from '../../electron/backend/testing/harness';
import { joinHub } from '../../electron/backend/testing/hub-terminal';
import { tuneBackendHeap } from '../../electron/backend/host/heap';
import { ensureItem } from '../../electron/backend/testing/township';

// As the app's backend entry does, so that the bench measures the heap the app runs with.
tuneBackendHeap();
const dataDir = process.argv[2]!;
let terminal: Harness | null = null;
let session = '';

function runtime(): Runtime {
  if (!terminal) throw new Error('the terminal has not joined the hub');
  return terminal.backend.runtime;
}

/** Fields of /proc/self/status, in MB. */
function statusOf(fields: readonly string[]): Record<string, number> {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Object.fromEntries(
    fields.map((field) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return [field, match ? Math.round(Number(match[1]) / 1024) : Number.NaN];
    }),
  );
}

/**
 * The highest of each process.memoryUsage() figure (MB) seen while `run` runs, sampled every 20 ms on
 * this process's event loop (between the pull's slices, which yield a turn each): what of the RSS is
 * V8's heap, what Buffers and other memory outside it.
 */
async function peaksDuring<T>(
  run: () => Promise<T>,
): Promise<{ value: T; peaks: Record<string, number | Record<string, number>> }> {
  const peaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  // V8's spaces as committed (space_size): which of them the heap's peak is.
  const spaces: Record<string, number> = {};
  let rssAnon = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(peaks) as (keyof typeof peaks)[])
      peaks[key] = Math.max(peaks[key], Math.round(usage[key] / 1024 / 1024));
    for (const space of getHeapSpaceStatistics()) {
      const name = space.space_name.replace(/_space$/, '');
      spaces[name] = Math.max(spaces[name] ?? 0, Math.round(space.space_size / 1024 / 1024));
    }
    rssAnon = Math.max(rssAnon, statusOf(['RssAnon']).RssAnon!);
  };
  const timer = setInterval(sample, 20);
  // What the collector's pauses cost, so that a setting that saves memory shows what it spends.
  const gc = { count: 0, ms: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.ms += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const value = await run();
    sample();
    return {
      value,
      peaks: { ...peaks, RssAnon: rssAnon, gcPauses: gc.count, gcMs: Math.round(gc.ms), spaces },
    };
  } finally {
    clearInterval(timer);
    observer.disconnect();
  }
}

const commands = {
  ready: async () => true,
  /** Joins the hub with an enrolment code; the minute's cycle is stopped, the bench times its own. */
  async join(origin: string, code: string, username: string) {
    // The wall clock, as the app runs: on the harness's fixed clock every write that carries the
    // time (the hub's contact, the last push) would write nothing, and cost a push nothing.
    terminal = await createHarness({ dataDir, clock: systemClock });
    session = await joinHub(terminal, origin, code, { username });
    await runtime().hubSync.stop();
    return true;
  },
  /** The terminal's id at the hub, the node of its versions. */
  async terminalId() {
    const enrolment = await readEnrolment(runtime().db);
    if (!enrolment) throw new Error('the terminal did not join the hub');
    return enrolment.terminalId;
  },
  push: (timeoutMs?: number) => pushPending(runtime(), timeoutMs ? { timeoutMs } : {}),
  /** A push, with the peaks of the process's memory figures while it ran. */
  pushWatched: (timeoutMs?: number) =>
    peaksDuring(() => pushPending(runtime(), timeoutMs ? { timeoutMs } : {})),
  /** The service item the pulled cases name, as this terminal's catalogue holds it. */
  async item(code: string) {
    const id = await ensureItem(terminal!, code);
    const item = await runtime()
      .db.selectFrom('service_items')
      .select(['current_version_id', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, versionId: item.current_version_id, name: item.name };
  },
  /**
   * One pull, while a trivial backend request (hub.pullProgress through the dispatcher) goes out
   * every 10 ms and one that reads the database (the first page of 案件查询, cases.list) every
   * 100 ms; answers the pull's result, each request's latencies from when it was due, and how
   * many cases this terminal then holds. With `firstSync`, the cursor the join stored is forgotten
   * first: the pull is then a new terminal's first sync, which defers indexes (deferred-indexes.ts).
   */
  async pull(pageSize: number, firstSync = false) {
    if (firstSync) runtime().sqlite.prepare('UPDATE sync_state SET pull_cursor = NULL').run();
    let pulling = true;
    const probe = async (everyMs: number, request: () => Promise<unknown>) => {
      const latencies: number[] = [];
      // Latency from when the request was due: a timer held up by a busy event loop counts too.
      let due = performance.now();
      while (pulling) {
        await request();
        const answered = performance.now();
        latencies.push(answered - due);
        due = Math.max(due + everyMs, answered);
        const wait = due - performance.now();
        if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      }
      return latencies;
    };
    const progress = probe(10, () => terminal!.call('hub.pullProgress', {}, session));
    const caseList = probe(100, () =>
      terminal!.ok('cases.list', { page: 1, pageSize: 20 }, session),
    );
    const { value: result, peaks } = await peaksDuring(() =>
      pullRecords(runtime(), pageSize ? { pageSize } : {}),
    );
    pulling = false;
    const latencies = await progress;
    const listLatencies = await caseList;
    const cases = await runtime()
      .db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { result, latencies, listLatencies, cases: Number(cases.n), peaks };
  },
  /** Where the process's memory is, in MB: V8's heap, memory outside it, SQLite's own. */
  async memory(collect: boolean) {
    if (collect) global.gc?.();
    const usage = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    return {
      rss: mb(usage.rss),
      heapTotal: mb(usage.heapTotal),
      heapUsed: mb(usage.heapUsed),
      external: mb(usage.external),
      ...statusOf(['RssAnon', 'RssFile', 'RssShmem']),
      sqliteCache: terminal ? runtime().sqlite.pragma('cache_size', { simple: true }) : null,
    };
  },
  async close() {
    await terminal?.cleanup();
    terminal = null;
    return true;
  },
};

export type TerminalCommands = typeof commands;

process.on('message', (message: { id: number; command: keyof TerminalCommands; args: never[] }) => {
  const run = commands[message.command] as (...args: never[]) => Promise<unknown>;
  run(...message.args).then(
    (value) => process.send!({ id: message.id, value }),
    (error: unknown) =>
      process.send!({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
process.on('disconnect', () => process.exit(0));
