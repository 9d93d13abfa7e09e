import type BetterSqlite3 from 'better-sqlite3';

/** quick_check is O(pages) without the index cross-checks of integrity_check, so it fits into start-up. */
export function quickCheck(
  sqlite: BetterSqlite3.Database,
): { ok: true } | { ok: false; problem: string } {
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length === 0
      ? { ok: true }
      : { ok: false, problem: problems.slice(0, 5).join('；') };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
