import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CallEnvelope, EventName, EventPayload, Result } from '@shared/api';
import { openKeyedChain, registerAuditKey } from '../audit/chain-key';
import { loadOrCreateAuditKeyFile } from '../audit/key-file';
import { appendAudit, auditChainHead } from '../audit/service';
import { SessionStore } from '../auth/sessions';
import { backupPath, clearLeftovers } from '../backup/backups';
import type { FreeBytes } from '../backup/disk';
import { createBackupRunner } from '../backup/runner';
import { dailyBackupIfDue } from '../backup/service';
import { startJob } from '../backup/worker';
import { CalendarCache } from '../calendar/cache';
import { handOutOnSpotBacklog } from '../cases/service';
import { liveNumberCounters, refreshEpochMarker, settleEpochAtOpen } from '../epoch/service';
import { steppedVersion } from '../epoch/repository';
import { UnsyncedOutbox } from '../hub/pull/outbox-durability';
import { stopPullThreads } from '../hub/pull/pull-thread';
import { MediationListsCache } from '../mediation/service';
import { systemClock, type WallClock } from '../core/clock';
import type { Actor } from '../core/context';
import { DomainError } from '../core/errors';
import type { Runtime } from '../core/runtime';
import { createHubSync, SYNC_INTERVAL_MS } from '../hub/sync-loop';
import { fetchQueuedFiles, uploadPendingFiles } from '../attachments/service';
import { REFERENCE_APPLIERS } from './reference-appliers';
import { tokenStoreFor } from '../hub/token-store';
import type { UpdateFeed } from '../hub/update-feed';
import { startUpdateChecks } from '../hub/update-checks';
import { dispatch } from '../rpc/dispatcher';
import { buildRegistry, DOMAIN_HANDLERS } from '../rpc/registry';
import {
  startBackgroundCheck,
  type BackgroundCheck,
  type CheckReport,
  type StartBackgroundCheck,
} from '../db/background-check';
import { DAMAGED_PREFIX } from '../db/integrity';
import { DATABASE_FILE, damagedResult, openDataFolder, type OpenedDatabase } from './open-runtime';
import { incomingPath, swapInRestore } from './restore-file';

export interface BackendOptions {
  dataDir: string;
  appVersion: string;
  /** Path of a better-sqlite3 binding built for this runtime's ABI, when node_modules holds another. */
  sqliteBinding?: string;
  clock?: WallClock;
  onEvent?: (event: { name: string; payload: unknown }) => void;
  log?: (error: unknown) => void;
  /** Progress worth a line in the log (the background integrity check's outcome). */
  info?: (message: string) => void;
  /** Above this file size start-up checks only its own tables; see FULL_CHECK_AT_START_MAX_BYTES. */
  fullCheckAtStartMaxBytes?: number;
  /** Tests hold the background check open with a check that reports when they say. */
  startBackgroundCheck?: StartBackgroundCheck;
  /**
   * The key that signs the audit chain. The Electron app keeps it with safeStorage and hands it
   * over at start; without it (browser mode, tests) it is the data folder's 0600 key file.
   */
  auditKey?: Buffer;
  /**
   * The key that seals the county hub's token, kept by Electron main with safeStorage; without it
   * (browser mode, tests) the token is a 0600 file in the data folder.
   */
  hubTokenKey?: Buffer;
  /** Free bytes on the disk of a folder; tests make the disk look full. */
  freeBytes?: FreeBytes;
  /** The enrolled hub's update feed, for Electron main's updater; browser mode has none. */
  onUpdateFeed?: (feed: UpdateFeed | null) => void;
}

export interface Backend {
  call(envelope: CallEnvelope | unknown): Promise<Result<unknown>>;
  runtime: Runtime;
  /** Settles when no background integrity check runs any more (the benchmark waits for it). */
  integrityChecked(): Promise<void>;
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
/** The migration that creates sync_state, with an epoch of its own. */
const SYNC_STATE_MIGRATION = '2026_12_07_0000_sync_log';

interface RestoredFrom {
  backup: string;
  /** The replaced database's number counters, so that no number printed before is printed again. */
  counters: Record<string, number>;
  /** The replaced database's stepped version, so that no version issued before is issued again. */
  steppedVersion: string | null;
}

interface RunningCheck extends BackgroundCheck {
  startedAt: number;
  /** Settles the integrityChecked() promise of this check. */
  settle(): void;
}

const MISSING_AFTER_RESTORE =
  '恢复时数据库文件未能放回原处。请联系技术支持：原文件在数据文件夹中，名称以 desk.sqlite.damaged- 或 desk.sqlite.restoring 开头';

/** Nothing was replaced when this is thrown: the old database is open again as it was. */
function restoreFailed(error: unknown): DomainError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC')
    return new DomainError(
      'RESTORE_FAILED',
      '磁盘空间不足，未能恢复，原数据保持不变。请清理磁盘后再试',
    );
  if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')
    return new DomainError(
      'RESTORE_FAILED',
      '数据库文件正被其他程序（如杀毒软件）占用，未能恢复，原数据保持不变。请稍后再试，或关闭本软件后重新打开再试',
    );
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('RESTORE_FAILED', `未能恢复（${reason}），原数据保持不变`);
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((error: unknown) => console.error(error));
  const registry = buildRegistry(DOMAIN_HANDLERS);
  const info = options.info ?? ((message: string) => console.log(message));
  const auditKey = options.auditKey ?? loadOrCreateAuditKeyFile(options.dataDir);
  /** `restored`: this open follows the app's own restore (the epoch must change before any use). */
  const open = async (restored?: RestoredFrom) => {
    const next = await openDataFolder(
      options.dataDir,
      clock,
      options.sqliteBinding,
      options.fullCheckAtStartMaxBytes,
    );
    registerAuditKey(next.handle.sqlite, auditKey);
    if (!next.damaged)
      await openKeyedChain(
        next.handle.db,
        auditKey,
        next.stamper.nowIso(),
        next.terminal?.terminalId ?? null,
      );
    if (!next.damaged) {
      const settled = await settleEpochAtOpen(next.handle.db, {
        dataDir: options.dataDir,
        nowIso: next.stamper.nowIso(),
        terminalId: next.terminal?.terminalId ?? null,
        restored,
        epochJustCreated: next.migrated.includes(SYNC_STATE_MIGRATION),
      });
      next.stamper.stepPast(settled.steppedVersion);
      if (settled.reason) info(`sync epoch ${settled.epoch} begun: ${settled.reason}`);
    }
    return next;
  };
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  // Before anything can start a backup: what one cut short left is no backup and is not listed.
  const leftovers = clearLeftovers(options.dataDir);
  if (leftovers.length > 0) info(`removed unfinished backups: ${leftovers.join(', ')}`);
  const opened = await open();

  const rt: Runtime = {
    dataDir: options.dataDir,
    databaseFile,
    sqliteBinding: options.sqliteBinding,
    backups: createBackupRunner(() => ({
      dataDir: options.dataDir,
      databaseFile,
      nativeBinding: options.sqliteBinding,
      freeBytes: options.freeBytes,
    })),
    appVersion: options.appVersion,
    hubTokens: tokenStoreFor(options.dataDir, options.hubTokenKey),
    hubSync: createHubSync(() => rt, log, REFERENCE_APPLIERS, SYNC_INTERVAL_MS, {
      beforePush: uploadPendingFiles,
      afterPull: fetchQueuedFiles,
    }),
    db: opened.handle.db,
    sqlite: opened.handle.sqlite,
    writeTurns: opened.handle.turns,
    unsyncedOutbox: new UnsyncedOutbox(),
    auditKey,
    stamper: opened.stamper,
    sessions: new SessionStore(clock, () => rt.settings.idleLockMinutes * 60 * 1000),
    terminal: opened.terminal,
    settings: opened.settings,
    calendar: new CalendarCache(),
    mediationLists: new MediationListsCache(),
    damaged: opened.damaged,
    restoring: false,
    closing: false,
    searchIndexDamaged: null,
    reindexing: false,
    inFlight: 0,
    markDamaged(problem) {
      rt.damaged = `${DAMAGED_PREFIX}${problem}`;
      rt.sessions.endAll();
    },
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      options.onEvent?.({ name, payload });
    },
    restore: (name, actor) => restore(name, actor),
  };
  let handle = opened.handle;
  let backgroundCheck: RunningCheck | null = null;
  let checkSettled: Promise<void> = Promise.resolve();

  /**
   * The daily backup of a big file waits for its background check: a copy of a damaged file
   * would push a good backup out of the retention.
   */
  const runDaily = () => {
    if (rt.terminal && !backgroundCheck) void dailyBackupIfDue(rt).catch(log);
  };

  /** The epoch marker follows the database (epoch/marker.ts); skipped while none is usable. */
  const refreshMarker = async () => {
    if (rt.damaged || rt.restoring) return;
    await refreshEpochMarker(rt.db, options.dataDir, rt.stamper.nowIso());
  };

  /**
   * The whole quick_check of a big file, in a worker thread. Damage found turns the runtime into
   * the state a failed start-up check gives: every method but status and recovery is refused with
   * DATABASE_DAMAGED, which sends the renderer to the recovery screen.
   */
  function checkInBackground(next: OpenedDatabase): void {
    if (!next.wholeCheckPending) return;
    const checked = next.handle;
    let settle = () => {};
    checkSettled = new Promise((resolve) => (settle = resolve));
    const running: RunningCheck = { startedAt: Date.now(), settle, stop: () => {} };
    backgroundCheck = running;
    const begin = options.startBackgroundCheck ?? startBackgroundCheck;
    const onReport = ({ result, ms, failedToRun }: CheckReport) => {
      if (backgroundCheck === running) backgroundCheck = null;
      running.settle();
      if (failedToRun) {
        log(new Error(`background quick_check could not run after ${ms} ms: ${failedToRun}`));
      } else if (result.ok) {
        info(`background quick_check of ${checked.file}: ok in ${ms} ms`);
        runDaily();
      } else if (handle === checked) {
        log(new Error(`background quick_check failed after ${ms} ms: ${result.problem}`));
        rt.markDamaged(result.problem);
      }
    };
    try {
      const check = begin(checked.file, options.sqliteBinding, onReport);
      running.stop = () => check.stop();
    } catch (error) {
      onReport({ result: { ok: true }, ms: 0, failedToRun: String(error) });
    }
  }

  function stopBackgroundCheck(): void {
    const running = backgroundCheck;
    backgroundCheck = null;
    running?.stop();
    running?.settle();
  }

  /** `checkWhole` false keeps a file already known to be damaged from being checked again. */
  function adopt(next: OpenedDatabase, checkWhole = true): void {
    handle = next.handle;
    rt.db = next.handle.db;
    rt.sqlite = next.handle.sqlite;
    rt.writeTurns = next.handle.turns;
    rt.stamper = next.stamper;
    rt.terminal = next.terminal;
    rt.settings = next.settings;
    rt.damaged = next.damaged;
    rt.searchIndexDamaged = null;
    if (checkWhole) checkInBackground(next);
  }

  /** Never leaves the runtime on a closed handle: what cannot be opened is offered for recovery. */
  async function openOrStandIn(restored?: RestoredFrom): Promise<OpenedDatabase> {
    if (!existsSync(join(options.dataDir, DATABASE_FILE)))
      return damagedResult(clock, options.sqliteBinding, MISSING_AFTER_RESTORE);
    try {
      return await open(restored);
    } catch (error) {
      log(error);
      return damagedResult(
        clock,
        options.sqliteBinding,
        `无法打开数据库文件：${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async function restore(name: string, actor: Actor): Promise<void> {
    const file = backupPath(options.dataDir, name);
    if (!file) throw new DomainError('BACKUP_NOT_FOUND', '找不到该备份文件');
    // The check's thread keeps the file open until its native call returns (minutes when cold);
    // the file cannot be replaced under it, and waiting would hold the request that long.
    if (backgroundCheck) {
      const seconds = Math.max(1, Math.round((Date.now() - backgroundCheck.startedAt) / 1000));
      throw new DomainError(
        'DATABASE_CHECK_RUNNING',
        `数据库完整性检查正在后台进行（已进行 ${seconds} 秒），检查完成后才能恢复备份，请稍后再试`,
      );
    }
    if (rt.restoring)
      throw new DomainError('RESTORE_IN_PROGRESS', '正在从备份恢复数据，请稍候再试');
    if (rt.reindexing)
      throw new DomainError('SEARCH_INDEX_REBUILDING', '正在重建搜索索引，请稍候再试');
    if (rt.backups.running())
      throw new DomainError('BACKUP_IN_PROGRESS', '正在备份，备份完成后才能恢复，请稍候再试');
    rt.restoring = true;
    // No cycle writes into the file being replaced; the restored one may be enrolled differently.
    await rt.hubSync.stop();
    try {
      await restoreFrom(name, file, actor);
    } finally {
      rt.restoring = false;
      void rt.hubSync.resume();
    }
  }

  /**
   * The head of the chain about to be replaced goes into the restored chain's restore entry: the
   * entries after the backup are gone from the file, but not without a trace of how far they went.
   */
  async function replacedChainHead(): Promise<string> {
    try {
      const head = await auditChainHead(rt.db);
      return head ? `恢复前审计记录末条为第 ${head.seq} 条（${head.hash}）` : '恢复前没有审计记录';
    } catch (error) {
      // A damaged file, or none open at all: the restore goes on, and says what it could not read.
      log(error);
      return '恢复前的数据库已损坏，未能读取其审计记录末条';
    }
  }

  async function restoreFrom(name: string, file: string, actor: Actor): Promise<void> {
    const damaged = rt.damaged;
    const replaced = await replacedChainHead();
    // The current data is kept as a backup of its own, so that a wrong choice can be undone.
    if (!damaged) await rt.backups.run('pre-restore', rt.stamper.nowIso());
    const incoming = incomingPath(options.dataDir);
    const staged = await startJob(
      { kind: 'stage', backup: file, target: incoming },
      options.sqliteBinding,
    ).result;
    if (!staged.ok) {
      log(new Error(`backup ${name} could not be staged: ${staged.problem}`));
      if (/ENOSPC/.test(staged.problem))
        throw restoreFailed(Object.assign(new Error(staged.problem), { code: 'ENOSPC' }));
      throw new DomainError(
        'BACKUP_DAMAGED',
        `所选备份已损坏或不完整（${staged.problem}），未做任何改动。请选择其他备份`,
      );
    }
    // Numbers printed since the backup was taken must not be printed again from the restored file.
    const counters = damaged ? {} : await liveNumberCounters(rt.db, rt.stamper.nowIso());
    const stepped = damaged ? null : await steppedVersion(rt.db);
    await handle.close();
    let setAside: string | null;
    try {
      setAside = swapInRestore(
        options.dataDir,
        incoming,
        damaged
          ? `${DATABASE_FILE}.damaged-${rt.stamper.nowIso().replace(/[:.]/g, '-')}`
          : undefined,
      );
    } catch (error) {
      log(error);
      // The old file is back in place; damage already found stays found and is not checked again.
      adopt(await openOrStandIn(), !damaged);
      if (rt.damaged === MISSING_AFTER_RESTORE)
        throw new DomainError('RESTORE_FAILED', MISSING_AFTER_RESTORE);
      if (damaged && !rt.damaged) rt.damaged = damaged;
      throw restoreFailed(error);
    }
    adopt(await openOrStandIn({ backup: name, counters, steppedVersion: stepped }));
    rt.sessions.endAll();
    if (rt.damaged) throw new DomainError('DATABASE_DAMAGED', `所选备份也无法使用：${rt.damaged}`);
    const detail = [replaced, setAside ? `损坏的数据库文件已另存为 ${setAside}` : null];
    await rt.db.transaction().execute((trx) =>
      appendAudit(trx, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
        action: 'backups.restore',
        objectType: 'backup',
        objectId: name,
        detail: detail.filter(Boolean).join('；'),
      }),
    );
    rt.emit('database.restored', { at: rt.stamper.nowIso(), backup: name });
  }

  checkInBackground(opened);

  if (rt.terminal && !backgroundCheck) await dailyBackupIfDue(rt).catch(log);
  if (rt.terminal && !rt.damaged) await handOutOnSpotBacklog(rt).catch(log);
  const timer = setInterval(() => {
    runDaily();
    void refreshMarker().catch(log);
  }, HOUR_MS);
  timer.unref();
  // Not awaited: the counter does not wait for the hub; the first cycle runs while it signs in.
  void rt.hubSync.resume();
  const stopUpdateChecks = startUpdateChecks(rt, options.onUpdateFeed, log);

  return {
    runtime: rt,
    async call(envelope) {
      const result = await dispatch(rt, registry, envelope, log);
      // What the call wrote goes up in the background; the answer does not wait for it.
      rt.hubSync.push.noteWrites();
      return result;
    },
    integrityChecked: () => checkSettled,
    async close() {
      rt.closing = true;
      clearInterval(timer);
      // The sync timer stops at once (no new cycle), then the pull: a quit does not wait for it,
      // its slice rolls back with its cursor and resumes at the next start. A cycle still asking
      // for its first page starts no thread (rt.closing).
      const syncStopped = rt.hubSync.stop();
      await stopPullThreads(rt);
      await syncStopped;
      await refreshMarker().catch(log);
      stopUpdateChecks();
      stopBackgroundCheck();
      await rt.backups.stop();
      await handle.close();
    },
  };
}
