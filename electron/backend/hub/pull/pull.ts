import { performance } from 'node:perf_hooks';
import type { PullResponse } from '@shared/sync/records-contract';
import { raiseClockFloor } from '../../core/clock-floor';
import { ANONYMOUS } from '../../core/context';
import { requireTerminal } from '../../core/guards';
import type { Runtime } from '../../core/runtime';
import { queueHandOffFiles } from '../blob-state';
import { HUB_TIMEOUT, HubRefusal, HubUnreachable, type HubClientOptions } from '../client';
import { UNREACHABLE_MESSAGE } from '../errors';
import { readEnrolment } from '../repository';
import { applyPulledPage } from './apply-page';
import { DEFER_INDEXES_FROM, deferIndexes, rebuildDeferredIndexes } from './deferred-indexes';
import { HeldInMemory } from './held-in-memory';
import { heldCount, parentsFirst } from './hold-back';
import { commitUnsynced } from './outbox-durability';
import { pullPage, pulledRecords } from './pull-client';
import { runPullThread } from './pull-thread';

/**
 * Records per request. The hub allows a terminal 600 requests a minute, so a first sync asks for
 * large pages; each is applied in slices, one transaction each, sized to keep a transaction near
 * PAGE_BUDGET_MS: a slice's transaction holds the database, and a clerk's request waits for it.
 * The cursor is written with a page's last slice: a pull cut after an earlier slice pulls the page
 * again, and what that slice wrote is then an equal version, a no-op.
 */
export const PULL_PAGE_SIZE = 1000;

const PAGE_BUDGET_MS = 25;
const SLICE_MIN = 50;
const SLICE_MAX = 1000;

export function nextSliceSize(size: number, tookMs: number): number {
  if (tookMs > PAGE_BUDGET_MS) return Math.max(SLICE_MIN, Math.floor(size / 2));
  if (tookMs < PAGE_BUDGET_MS / 3) return Math.min(SLICE_MAX, size * 2);
  return size;
}

export const APPLY_FAILED_MESSAGE =
  '县级平台下发的记录未能写入本机，已保留本机原有数据，下次同步时重试。请联系县级中心管理员';

/**
 * A slice waits for the write lock (write-turns.ts, then busy_timeout) and gives up after seconds:
 * the hub did nothing wrong, so the person is not sent to the county's administrator.
 */
export const LOCAL_BUSY_MESSAGE =
  '本机数据库被其他操作长时间占用，县级平台下发的记录暂未写入，已保留本机原有数据，下次同步时自动重试';

const localDatabaseBusy = (error: unknown) =>
  error instanceof Error && /^SQLITE_BUSY/.test(String((error as { code?: unknown }).code));

export interface PullProgress {
  running: boolean;
  /** Records written by the pull running now, or by the last one. */
  applied: number;
  /** What the hub said is left after the last page (an upper bound). */
  remaining: number;
  /** Records waiting for a record they refer to (in sync_pull_held, or in memory a few pages, held-in-memory.ts). */
  held: number;
}

const progress = new WeakMap<Runtime, PullProgress>();

export function pullProgress(rt: Runtime): PullProgress {
  return progress.get(rt) ?? { running: false, applied: 0, remaining: 0, held: 0 };
}

export interface RecordPull {
  /** failed: a page could not be written here; it rolled back and is tried again next cycle. */
  state: 'done' | 'standalone' | 'unreachable' | 'refused' | 'failed';
  applied: number;
  /** The hub's words, or why it could not be reached; null when the pull went through. */
  problem: string | null;
}

/** The hub of an enrolled, not revoked terminal whose token is readable; else null. */
export async function recordHub(rt: Runtime): Promise<HubClientOptions | null> {
  if (!rt.terminal) return null;
  const enrolment = await readEnrolment(rt.db);
  const token = rt.hubTokens.read();
  if (!enrolment || enrolment.revokedAt || !token) return null;
  return { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion };
}

/** A page asked for ahead: if applying the current one fails, its failure is not left unhandled. */
function prefetch<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined);
  return page;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What a pull writes with: the backend's runtime, or in the pull's thread a connection of its own
 * to the same file with a clock that shares the backend's state (pull-thread.ts).
 */
export type PullTarget = Pick<
  Runtime,
  'db' | 'sqlite' | 'stamper' | 'terminal' | 'unsyncedOutbox'
> & {
  /** Waits, before a slice, while the backend's thread holds its connection (db/write-turns.ts). */
  giveWay?: () => void;
};

async function storedCursor(rt: PullTarget): Promise<string | undefined> {
  const row = await rt.db.selectFrom('sync_state').select('pull_cursor').executeTakeFirst();
  return row?.pull_cursor ?? undefined;
}

/**
 * Applies one page and stores its cursor in the same transaction, so that a pull cut anywhere
 * resumes from the last page applied and never skips or half-applies one. Without a cursor (a
 * repair's page of one bucket) the stored cursor stays.
 *
 * Two settings hold for the page's transaction only, on the connection it holds:
 * - temp_store=MEMORY: an insert into cases, with its twenty indexes, outgrows SQLite's in-memory
 *   statement journal and spilled some sixty page writes per case to a temp file (strace, wt-pullperf);
 * - synchronous=NORMAL: a page lost to a power cut is lost with its cursor and pulled again; one
 *   that merged two records of one person wrote outbox entries, and is synced before the pusher
 *   can read them (outbox-durability.ts).
 */
export async function applyPage(
  rt: PullTarget,
  page: { records: PullResponse['records']; cursor?: string },
  retryHeld = true,
  inMemory?: HeldInMemory,
) {
  const now = rt.stamper.nowIso();
  // A merge of two records of one person is the pull's doing, not a person's.
  const stamp = { stamper: rt.stamper, terminal: requireTerminal(rt), actor: ANONYMOUS };
  const { sqlite } = rt;
  return rt.db.connection().execute(async (db) => {
    const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
    sqlite.pragma('temp_store = MEMORY');
    const settle = commitUnsynced(sqlite, rt.unsyncedOutbox);
    try {
      return await db.transaction().execute(async (trx) => {
        const applied = await applyPulledPage(
          trx,
          sqlite,
          page.records,
          stamp,
          retryHeld,
          inMemory,
        );
        // The clock follows what it saw (not a version from a wrong clock elsewhere), and its floor
        // with it, so that a restart never issues a version below one already pulled.
        const seen = applied.highestVersion;
        if (seen && rt.stamper.observe(seen)) await raiseClockFloor(trx, seen);
        if (rt.terminal) await queueHandOffFiles(trx, page.records, rt.terminal.orgUnitId, now);
        // Never past a record held in memory (held-in-memory.ts).
        const cursor =
          page.cursor !== undefined && inMemory ? inMemory.cursorToStore(page.cursor) : page.cursor;
        if (cursor !== undefined) {
          await trx
            .updateTable('sync_state')
            .set({ pull_cursor: cursor, last_pull_at: now })
            .where('id', '=', 1)
            .execute();
        }
        return applied;
      });
    } finally {
      try {
        settle();
      } finally {
        sqlite.pragma(`temp_store = ${tempStore}`);
      }
    }
  });
}

/**
 * Pulls what the terminal's unit sees, changed since the stored cursor, until the hub has no more.
 * The pull runs in a thread of its own (pull-thread.ts): this thread, which answers the counter's
 * requests, only starts it, shows its progress and takes its result.
 */
export function pullRecords(rt: Runtime, options: PullOptions = {}): Promise<RecordPull> {
  // One pull at a time per terminal: the minute's cycle and 立即同步 may overlap.
  const previous = running.get(rt) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => pullInThread(rt, options));
  running.set(rt, next);
  return next;
}

const running = new WeakMap<Runtime, Promise<unknown>>();

interface PullOptions {
  pageSize?: number;
  hub?: HubClientOptions;
  /** A pull without a cursor of at least this many records defers indexes (deferred-indexes.ts). */
  deferIndexesFrom?: number;
}

/**
 * A page the hub could not send within the timeout (a thousand records from a busy hub) would be
 * asked for again, whole, every cycle, and never arrive: after a timeout the terminal asks for a
 * quarter as many, and each page that arrives lets the next ask for twice as many again.
 */
const MIN_PAGE_SIZE = 50;
const grown = (limit: number) => Math.min(PULL_PAGE_SIZE, limit * 2);
const pageSizes = new WeakMap<Runtime, number>();

export const INDEXES_NOT_REBUILT_MESSAGE =
  '首次同步后本机查询索引未能重建，查询可能变慢，下次同步或重新打开软件时重试。请检查磁盘空间';

async function pullInThread(rt: Runtime, options: PullOptions): Promise<RecordPull> {
  const hub = options.hub ?? (await recordHub(rt));
  if (!hub) return rebuiltAfter(rt, { state: 'standalone', applied: 0, problem: null });
  const shown: PullProgress = { running: true, applied: 0, remaining: 0, held: 0 };
  progress.set(rt, shown);
  try {
    const job: PullJob = {
      hub,
      pageSize: options.pageSize,
      limit: pageSizes.get(rt) ?? PULL_PAGE_SIZE,
      deferIndexesFrom: options.deferIndexesFrom,
      first: undefined,
    };
    const ended =
      (await nothingNew(rt, job, shown)) ??
      (await runPullThread(rt, job, (now) => Object.assign(shown, now)));
    if (ended.limit !== undefined) pageSizes.set(rt, ended.limit);
    // On this thread, as before the pull had one: an index build holds the write lock for seconds
    // on a big township, longer than a clerk's save would wait for another connection's lock
    // (busy_timeout), while here the save waits for it in turn.
    return await rebuiltAfter(rt, ended.pull, () => rt.closing);
  } finally {
    shown.running = false;
  }
}

/**
 * Whether the hub has anything new is asked on this thread: a minute's cycle mostly finds nothing
 * new, and a thread's start cost ~0.3 s of CPU (its V8 heap, the pull's code, its connection). It is
 * asked with a page of one record: a whole page parsed here and copied to the thread lay in both
 * heaps until their next full collections, a few MB of the terminal's peak during a pull
 * (bench/RESULTS.md, "The terminal under 150 MB during a pull"). A page with a record, or with more
 * behind it, goes to the thread in `job.first`, which applies it and asks on from its cursor (which
 * carries the hub's count of what is left). An empty last page still stores its cursor (the hub
 * moves it past rows the unit no longer sees) in one small transaction here. Records held in
 * sync_pull_held are not tried: they wait for a record from the hub, none came, and every pull's
 * last slice tried them. Answers the pull's end, or undefined when the thread is to run it.
 */
async function nothingNew(
  rt: Runtime,
  job: PullJob,
  shown: PullProgress,
): Promise<PullEnded | undefined> {
  try {
    const after = await storedCursor(rt);
    const page = await pullPage(job.hub, { after, limit: 1 });
    if (page.records.length > 0 || page.more) {
      job.first = { after, page };
      return undefined;
    }
    await rt.db
      .updateTable('sync_state')
      .set({ pull_cursor: page.cursor, last_pull_at: rt.stamper.nowIso() })
      .where('id', '=', 1)
      .execute();
    shown.held = heldCount(rt.sqlite);
    const limit = job.pageSize === undefined ? grown(job.limit) : undefined;
    return { pull: { state: 'done', applied: 0, problem: null }, limit };
  } catch (error) {
    return pullEndedBy(error, 0, job.pageSize === undefined ? job.limit : undefined);
  }
}

/** What the pull's thread is given: plain data, copied to it. */
export interface PullJob {
  hub: HubClientOptions;
  /** Fixed page size; else the pull sizes its pages from `limit`. */
  pageSize: number | undefined;
  limit: number;
  deferIndexesFrom: number | undefined;
  /** The first page, of one record, asked for with the cursor `after` before the thread started. */
  first: { after: string | undefined; page: ArrivingPage } | undefined;
}

type ArrivingPage = Awaited<ReturnType<typeof pullPage>>;

export interface PullEnded {
  pull: RecordPull;
  /** The page size the next pull starts from; undefined when it stays. */
  limit: number | undefined;
}

/**
 * However the pull ended, the indexes a first sync deferred are built again: one cut short goes on
 * with its indexes. One that cannot be built keeps its record and is built at the next pull's end or
 * at the next open; the person is told, as the counter's searches are slower meanwhile.
 */
async function rebuiltAfter(
  target: PullTarget,
  pulled: RecordPull,
  stopped?: () => boolean,
): Promise<RecordPull> {
  try {
    await rebuildDeferredIndexes(target.db, target.sqlite, stopped);
    return pulled;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      state: pulled.state === 'done' ? 'failed' : pulled.state,
      applied: pulled.applied,
      problem: pulled.problem ?? `${INDEXES_NOT_REBUILT_MESSAGE}（${detail}）`,
    };
  }
}

/**
 * The pull itself, in the pull's thread: pages until the hub has no more. The next page is on its
 * way while one is applied; the event loop gets a turn between slices. `report` gets the progress
 * after every slice.
 */
export async function runPull(
  rt: PullTarget,
  job: PullJob,
  report: (progress: PullProgress) => void,
): Promise<PullEnded> {
  const { hub } = job;
  const adaptive = job.pageSize === undefined;
  let limit = job.pageSize ?? job.limit;
  let slice = 200;
  const shown: PullProgress = { running: true, applied: 0, remaining: 0, held: 0 };
  const ended = (pull: RecordPull): PullEnded => ({ pull, limit: adaptive ? limit : undefined });
  try {
    const cursor = job.first ? job.first.after : await storedCursor(rt);
    let next = job.first
      ? Promise.resolve(job.first.page)
      : prefetch(pullPage(hub, { after: cursor, limit }));
    let first = cursor === undefined;
    const inMemory = new HeldInMemory();
    let after = cursor;
    for (let pageNumber = 0; ; pageNumber += 1) {
      const page = await next;
      inMemory.startPage(pageNumber, after);
      after = page.cursor;
      if (
        first &&
        page.records.length + page.remaining >= (job.deferIndexesFrom ?? DEFER_INDEXES_FROM)
      )
        await deferIndexes(rt.db, rt.sqlite, rt.stamper.nowIso());
      first = false;
      // A first page of one record (nothingNew) says nothing of what the hub sends in time.
      if (adaptive && !(pageNumber === 0 && job.first)) limit = grown(limit);
      if (page.more) next = prefetch(pullPage(hub, { after: page.cursor, limit }));
      const arrived = parentsFirst(page.records);
      let start = 0;
      for (;;) {
        const started = performance.now();
        const records = pulledRecords(arrived.slice(start, start + slice));
        start += records.length;
        const last = start >= arrived.length;
        // Every held record is tried again with the pull's last slice only: each slice tries those
        // its records release. A first sync holds a thousand or more (a case's checklist rows
        // arrive before the case's later edit); trying all of them cost more than the slice.
        if (last && !page.more) inMemory.finish();
        rt.giveWay?.();
        const outcome = await applyPage(
          rt,
          last ? { records, cursor: page.cursor } : { records },
          last && !page.more,
          inMemory,
        );
        slice = nextSliceSize(slice, performance.now() - started);
        shown.applied += outcome.inserted + outcome.updated;
        shown.held = outcome.held;
        report(shown);
        await nextTurn();
        if (last) break;
      }
      shown.remaining = page.remaining;
      report(shown);
      if (!page.more) return ended({ state: 'done', applied: shown.applied, problem: null });
    }
  } catch (error) {
    return pullEndedBy(error, shown.applied, adaptive ? limit : undefined);
  }
}

/** How a pull that threw ends; `limit` is the adaptive page size it asked with. */
function pullEndedBy(error: unknown, applied: number, limit: number | undefined): PullEnded {
  if (error instanceof HubUnreachable) {
    const next =
      limit !== undefined && error.message === HUB_TIMEOUT
        ? Math.max(MIN_PAGE_SIZE, Math.floor(limit / 4))
        : limit;
    return { pull: { state: 'unreachable', applied, problem: UNREACHABLE_MESSAGE }, limit: next };
  }
  if (error instanceof HubRefusal)
    return { pull: { state: 'refused', applied, problem: error.message }, limit };
  // Said, not thrown: the cycle's reference data and accounts stand, and the person sees why
  // records stopped arriving.
  return { pull: applyFailed(applied, error), limit };
}

export function applyFailed(applied: number, error: unknown): RecordPull {
  const detail = error instanceof Error ? error.message : String(error);
  if (localDatabaseBusy(error))
    return { state: 'failed', applied, problem: `${LOCAL_BUSY_MESSAGE}（${detail}）` };
  return { state: 'failed', applied, problem: `${APPLY_FAILED_MESSAGE}（${detail}）` };
}
