import type BetterSqlite3 from 'better-sqlite3';

/**
 * Turns a terminal set up today into one as the setup before the county hub left it: org units,
 * items, versions and mediation settings under ids of its own, given wherever they appear, in
 * every text column of every table (the audit log aside: it is append-only). A sweep of its own,
 * independent of the re-matching's list, so that a column the list forgets shows up as an old id
 * left behind. Free of the backend, so that the browser specs can run it on a stopped server's file.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const SHARED_KINDS = ['org_units', 'service_items', 'service_item_versions', 'mediation_settings'];

/** Every ordinary table, and its TEXT columns, full-text index internals aside. */
export function textColumns(sqlite: BetterSqlite3.Database): [string, string][] {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
    )
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (
      sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as {
        name: string;
        type: string;
      }[]
    )
      .filter((column) => column.type.toUpperCase() === 'TEXT')
      .map((column): [string, string] => [table, column.name]),
  );
}

/** The ids of the four kinds a hub shares, as they stand. */
export function sharedIds(sqlite: BetterSqlite3.Database): Set<string> {
  return new Set(
    SHARED_KINDS.flatMap(
      (table) => sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as string[],
    ),
  );
}

/** On a database no backend has open, or the backend's own connection (then restart it). */
export function giveIdsOfBefore(sqlite: BetterSqlite3.Database, newId: () => string): void {
  const ids = new Map([...sharedIds(sqlite)].map((id) => [id, newId()]));
  sqlite.function('ids_of_before', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.replace(UUID, (id) => ids.get(id) ?? id) : text,
  );
  sqlite.pragma('foreign_keys = OFF');
  sqlite.transaction(() => {
    for (const [table, column] of textColumns(sqlite)) {
      if (table === 'audit_log') continue;
      sqlite
        .prepare(
          `UPDATE "${table}" SET "${column}" = ids_of_before("${column}") WHERE "${column}" <> ids_of_before("${column}")`,
        )
        .run();
    }
  })();
  sqlite.pragma('foreign_keys = ON');
}
