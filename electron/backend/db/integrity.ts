import type BetterSqlite3 from 'better-sqlite3';

/** What runtime.damaged starts with when the file failed a check or a read found damage. */
export const DAMAGED_PREFIX = '数据库完整性检查未通过：';

export type CheckResult = { ok: true } | { ok: false; problem: string };

/**
 * Up to this size the whole quick_check runs at start before anything else. quick_check reads
 * every page: on the benchmark's 8 GB file it took 96–489 s (17–85 MB/s on this hardware), so
 * 64 MB stays within about 1–4 s even cold, while a township's first years fit under it. Above it,
 * start-up checks only the tables it reads and the whole file is checked in the background.
 */
export const FULL_CHECK_AT_START_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The small tables start-up, status and sign-in read before anything else; quick_check(table)
 * covers a table and its indexes. outbox and audit_log are read only at their tails through their
 * primary keys and are large, so they are left to the background check.
 */
const START_UP_TABLES = [
  'schema_migrations',
  'settings',
  'holiday_calendar',
  'org_units',
  'terminals',
  'users',
  'mediation_settings',
] as const;

function run(sqlite: BetterSqlite3.Database, pragma: string): CheckResult {
  try {
    const rows = sqlite.pragma(pragma, { simple: false }) as Record<string, string>[];
    const problems = rows.map((row) => Object.values(row)[0]).filter((text) => text !== 'ok');
    return problems.length === 0
      ? { ok: true }
      : { ok: false, problem: problems.slice(0, 5).join('；') };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** quick_check is O(pages) without the index cross-checks of integrity_check. */
export function quickCheck(sqlite: BetterSqlite3.Database): CheckResult {
  return run(sqlite, 'quick_check');
}

/** quick_check of the start-up tables that exist (an older schema may lack some). */
export function quickCheckStartUpTables(sqlite: BetterSqlite3.Database): CheckResult {
  let present: Set<string>;
  try {
    present = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  for (const table of START_UP_TABLES) {
    if (!present.has(table)) continue;
    const result = run(sqlite, `quick_check(${table})`);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/**
 * SQLite's damage codes, extended ones included (SQLITE_CORRUPT_INDEX, _SEQUENCE): a read past the
 * start-up check may be the first to meet damage in a big file. Not SQLITE_CORRUPT_VTAB: that is
 * an FTS5 index disagreeing with itself, which quick_check does not look at and a rebuild of the
 * index mends; sending the counter to restore a backup for it would lose the day's work.
 */
export function isCorruptionError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error &&
    typeof code === 'string' &&
    ((code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_CORRUPT_VTAB') ||
      code === 'SQLITE_NOTADB')
  );
}

/**
 * An FTS5 index that disagrees with itself, or whose own settings row is unreadable (FTS5 answers
 * that with a plain SQLITE_ERROR): mended by rebuilding it (search-index/service.ts).
 */
export function isSearchIndexCorruption(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === 'SQLITE_CORRUPT_VTAB' ||
    (code === 'SQLITE_ERROR' && error.message.includes('invalid fts5 file format'))
  );
}
