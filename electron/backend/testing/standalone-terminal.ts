import type BetterSqlite3 from 'better-sqlite3';
import { DONGCHENG } from '@shared/testing/org-units';
import { createSignedInUser, NEW_ADMIN_PASSWORD, setUpDemoTownship, type Harness } from './harness';

/**
 * A terminal as the setup before the county hub left it: the same rows, but org units, items,
 * versions and mediation settings under UUIDv7 ids of its own. Built by setting up today and then
 * giving each of those rows a fresh id wherever it appears, in every text column of every table
 * (the audit log aside: it is append-only) — a sweep of its own, independent of the re-matching's
 * list, so that a column the list forgets shows up as an old id left behind.
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

function giveIdsOfBefore(h: Harness): void {
  const { sqlite, stamper } = h.backend.runtime;
  const ids = new Map([...sharedIds(sqlite)].map((id) => [id, stamper.newId()]));
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

/**
 * 东城街道 of the demo tree (永嘉县 330324) set up standalone the old way, its supervisor's
 * mediation settings saved; answers the admin's and the supervisor's sessions after a restart.
 */
export async function standaloneTerminalOfBefore(h: Harness) {
  await setUpDemoTownship(h);
  const signIn = async (username: string) =>
    (await h.ok('auth.signIn', { username, password: NEW_ADMIN_PASSWORD })).token;
  const admin = await signIn('admin');
  const townshipId = (await h.ok('orgUnits.list', {}, admin)).find(
    (unit) => unit.code === DONGCHENG.divisionCode,
  )!.id;
  const supervisor = await createSignedInUser(h, admin, {
    username: 'chief',
    displayName: '陈主任',
    role: 'supervisor',
    orgUnitId: townshipId,
  });
  await h.ok(
    'mediation.updateSettings',
    { abbreviation: '东城', riskThresholds: { amountFen: 5_000_000, people: 10 } },
    supervisor.token,
  );
  giveIdsOfBefore(h);
  await h.restart();
  return { admin: await signIn('admin'), supervisor: await signIn('chief') };
}
