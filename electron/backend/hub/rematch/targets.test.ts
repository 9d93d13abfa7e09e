import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness';
import { KIND_TABLES, NOT_REFERENCES, REPOINT_TARGETS } from './targets';

/** A column name that says it holds an org unit, an item or a version: *_org_id, unit_id, item_id… */
const LOOKS_LIKE_A_REFERENCE = /(^|_)(org|unit|item|parent)(_|$)|_version_id$|^record_id$/;

/**
 * Every column of the schema that refers to an org unit, a service item, a version or a
 * mediation-settings row (by foreign key or by name) and that REPOINT_TARGETS leaves out, and
 * every target the schema does not have.
 */
function unlistedReferences(sqlite: BetterSqlite3.Database): string[] {
  const listed = new Map(REPOINT_TARGETS.map((t) => [`${t.table}.${t.column}`, t.refers]));
  const kindOf = new Map(Object.entries(KIND_TABLES).map(([kind, table]) => [table, kind]));
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const problems: string[] = [];
  const present = new Set<string>();
  for (const table of tables) {
    const columns = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
    for (const column of columns as string[]) {
      const name = `${table}.${column}`;
      present.add(name);
      if (!listed.has(name) && !Object.hasOwn(NOT_REFERENCES, name)) {
        if (LOOKS_LIKE_A_REFERENCE.test(column)) problems.push(`${name}: looks like a reference`);
        if (column === 'id' && kindOf.has(table)) problems.push(`${name}: the kind's own id`);
      }
    }
    const keys = sqlite
      .prepare('SELECT "from" AS column, "table" AS parent FROM pragma_foreign_key_list(?)')
      .all(table) as { column: string; parent: string }[];
    for (const key of keys) {
      const kind = kindOf.get(key.parent);
      const refers = listed.get(`${table}.${key.column}`);
      if (kind && refers !== kind && refers !== 'text')
        problems.push(`${table}.${key.column}: references ${key.parent}`);
    }
  }
  for (const name of listed.keys()) if (!present.has(name)) problems.push(`${name}: not in schema`);
  return problems;
}

describe('the columns a standalone terminal’s re-matching rewrites', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.cleanup());

  it('are every column of the migrated schema that refers to an org unit, item, version or mediation settings', () => {
    expect(unlistedReferences(h.backend.runtime.sqlite)).toEqual([]);
  });

  it('would miss a table added later with an org unit column, by name or by foreign key', () => {
    const { sqlite } = h.backend.runtime;
    sqlite.exec(`CREATE TABLE probe_visits (id TEXT PRIMARY KEY, host_org_id TEXT,
      place TEXT REFERENCES org_units(id), offer TEXT REFERENCES service_items(id)) STRICT`);
    try {
      expect(unlistedReferences(sqlite).sort()).toEqual([
        'probe_visits.host_org_id: looks like a reference',
        'probe_visits.offer: references service_items',
        'probe_visits.place: references org_units',
      ]);
    } finally {
      sqlite.exec('DROP TABLE probe_visits');
    }
  });
});
