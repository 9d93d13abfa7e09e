import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { writeBackup } from '../backup/runner';
import { addMissingShippedYears } from '../calendar/seed';
import { Stamper, type WallClock } from '../core/clock';
import { clockSeed } from '../core/clock-floor';
import type { TerminalIdentity } from '../core/context';
import { privateDatabaseFile, privateDir } from '../core/private-files';
import { DEFAULT_SETTINGS, type TerminalSettings } from '../core/runtime';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import {
  DAMAGED_PREFIX,
  FULL_CHECK_AT_START_MAX_BYTES,
  isCorruptionError,
  quickCheck,
  quickCheckStartUpTables,
  type CheckResult,
} from '../db/integrity';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { rebuildLeftIndexes } from '../hub/pull/deferred-indexes';
import type { Database } from '../db/schema';
import { getSetting } from '../settings/repository';
import { loadTerminalSettings } from '../settings/service';

export const DATABASE_FILE = 'desk.sqlite';

export interface OpenedDatabase {
  handle: DatabaseHandle;
  damaged: string | null;
  terminal: TerminalIdentity | null;
  settings: TerminalSettings;
  stamper: Stamper;
  migrated: string[];
  /** True when start-up checked only its own tables: the whole file is still to be checked. */
  wholeCheckPending: boolean;
}

async function identity(db: Kysely<Database>): Promise<TerminalIdentity | null> {
  const terminalId = await getSetting(db, 'terminal_id');
  const orgUnitId = await getSetting(db, 'org_unit_id');
  return terminalId && orgUnitId ? { terminalId, orgUnitId } : null;
}

function hasPendingMigrations(handle: DatabaseHandle): boolean {
  const names = handle.sqlite
    .prepare(
      "SELECT name FROM schema_migrations WHERE EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations')",
    )
    .pluck()
    .all() as string[];
  const applied = new Set(names);
  return migrations.some((m) => !applied.has(m.name));
}

/**
 * A small file is checked whole, as is any file about to be migrated (the pre-migration backup
 * must not copy damage). A big file gets only its start-up tables checked here, so that the
 * counter is not kept waiting minutes on every start; the caller checks the rest in the background.
 */
function startUpCheck(
  handle: DatabaseHandle,
  size: number,
  fullCheckMaxBytes: number,
): CheckResult & { wholeCheckPending: boolean } {
  if (size <= fullCheckMaxBytes) return { ...quickCheck(handle.sqlite), wholeCheckPending: false };
  const tables = quickCheckStartUpTables(handle.sqlite);
  if (!tables.ok) return { ...tables, wholeCheckPending: false };
  if (hasPendingMigrations(handle))
    return { ...quickCheck(handle.sqlite), wholeCheckPending: false };
  return { ok: true, wholeCheckPending: true };
}

/**
 * Opens the data folder's database: integrity check, then migrations with a backup just before them.
 * A database that fails the check is not touched further: the app offers to restore a backup.
 */
export async function openDataFolder(
  dataDir: string,
  clock: WallClock,
  nativeBinding?: string,
  fullCheckMaxBytes = FULL_CHECK_AT_START_MAX_BYTES,
): Promise<OpenedDatabase> {
  privateDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const size = existsSync(file) ? statSync(file).size : 0;
  const existed = size > 0;
  let handle: DatabaseHandle;
  try {
    privateDatabaseFile(file);
    handle = openDatabase(file, nativeBinding);
  } catch (error) {
    return damagedResult(
      clock,
      nativeBinding,
      `无法打开数据库文件：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let wholeCheckPending = false;
  if (existed) {
    let check: CheckResult & { wholeCheckPending: boolean };
    try {
      check = startUpCheck(handle, size, fullCheckMaxBytes);
    } catch (error) {
      check = { ok: false, problem: String(error), wholeCheckPending: false };
    }
    if (!check.ok) {
      await handle.close();
      return damagedResult(clock, nativeBinding, `${DAMAGED_PREFIX}${check.problem}`);
    }
    wholeCheckPending = check.wholeCheckPending;
  }
  try {
    return {
      ...(await prepare(handle, dataDir, existed, clock, nativeBinding)),
      wholeCheckPending,
    };
  } catch (error) {
    // Past a partial check, damage elsewhere may first show as a failing read here.
    if (!isCorruptionError(error)) throw error;
    await handle.close();
    return damagedResult(clock, nativeBinding, `${DAMAGED_PREFIX}${error.message}`);
  }
}

async function prepare(
  handle: DatabaseHandle,
  dataDir: string,
  existed: boolean,
  clock: WallClock,
  nativeBinding: string | undefined,
): Promise<Omit<OpenedDatabase, 'wholeCheckPending'>> {
  const nowIso = () => new Date(clock.now()).toISOString();
  rebuildLeftIndexes(handle.sqlite);
  const migrated = await migrate(
    handle.db as unknown as Kysely<unknown>,
    migrations,
    nowIso,
    async () => {
      if (existed)
        await writeBackup(
          { dataDir, databaseFile: handle.file, nativeBinding },
          'pre-migration',
          nowIso(),
        );
    },
  );
  const terminal = await identity(handle.db);
  if (terminal) await addMissingShippedYears(handle.db, nowIso());
  const settings = terminal ? await loadTerminalSettings(handle.db) : { ...DEFAULT_SETTINGS };
  const stamper = new Stamper(clock, terminal?.terminalId ?? 'unset', await clockSeed(handle.db));
  return { handle, damaged: null, terminal, settings, stamper, migrated };
}

/** A stand-in in-memory database so that the runtime keeps its shape while only recovery is offered. */
export function damagedResult(
  clock: WallClock,
  nativeBinding: string | undefined,
  problem: string,
): OpenedDatabase {
  return {
    handle: openDatabase(':memory:', nativeBinding),
    damaged: problem,
    terminal: null,
    settings: { ...DEFAULT_SETTINGS },
    stamper: new Stamper(clock, 'unset', null),
    migrated: [],
    wholeCheckPending: false,
  };
}
