import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createBackup } from '../backup/backups';
import { addMissingShippedYears } from '../calendar/seed';
import { Stamper, type WallClock } from '../core/clock';
import type { TerminalIdentity } from '../core/context';
import { DEFAULT_SETTINGS, type TerminalSettings } from '../core/runtime';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { quickCheck } from '../db/integrity';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
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
}

async function identity(db: Kysely<Database>): Promise<TerminalIdentity | null> {
  const terminalId = await getSetting(db, 'terminal_id');
  const orgUnitId = await getSetting(db, 'org_unit_id');
  return terminalId && orgUnitId ? { terminalId, orgUnitId } : null;
}

async function lastVersion(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select('version')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Opens the data folder's database: integrity check, then migrations with a backup just before them.
 * A database that fails the check is not touched further: the app offers to restore a backup.
 */
export async function openDataFolder(
  dataDir: string,
  clock: WallClock,
  nativeBinding?: string,
): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const existed = existsSync(file) && statSync(file).size > 0;
  const nowIso = () => new Date(clock.now()).toISOString();
  let handle: DatabaseHandle;
  try {
    handle = openDatabase(file, nativeBinding);
  } catch (error) {
    return damagedResult(
      clock,
      nativeBinding,
      `无法打开数据库文件：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (existed) {
    const check = quickCheck(handle.sqlite);
    if (!check.ok) {
      await handle.close();
      return damagedResult(clock, nativeBinding, `数据库完整性检查未通过：${check.problem}`);
    }
  }
  const migrated = await migrate(
    handle.db as unknown as Kysely<unknown>,
    migrations,
    nowIso,
    async () => {
      if (existed) await createBackup(handle.sqlite, dataDir, 'pre-migration', nowIso());
    },
  );
  const terminal = await identity(handle.db);
  if (terminal) await addMissingShippedYears(handle.db, nowIso());
  const settings = terminal ? await loadTerminalSettings(handle.db) : { ...DEFAULT_SETTINGS };
  const stamper = new Stamper(clock, terminal?.terminalId ?? 'unset', await lastVersion(handle.db));
  return { handle, damaged: null, terminal, settings, stamper, migrated };
}

/** A stand-in in-memory database so that the runtime keeps its shape while only recovery is offered. */
function damagedResult(
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
  };
}

/** Puts a backup in place of the database file; WAL and shared-memory files of the old one must go too. */
export function replaceDatabaseFile(dataDir: string, backupFile: string): void {
  const file = join(dataDir, DATABASE_FILE);
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(backupFile, file);
}
