import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { syncCounty } from '../../test/sync-county';
import {
  namedRecords,
  residentLocks,
  rootMembers,
  rootsHeldElsewhere,
  rootVisibility,
} from './record-store';

/**
 * A push reads the visibility and the member rows of every root it touches, a thousand new ones in a
 * large push. Asked for them as `root_id IN (...)`, PostgreSQL read the whole table once it held a
 * few thousand rows (record-store.ts, eachRoot): every push of the county paid for all its records.
 */
describeOnBackends('the roots a push reads', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  /** The plan's node types, from EXPLAIN of the statement as the push runs it. */
  async function nodeTypes(query: RawBuilder<unknown>): Promise<string[]> {
    const compiled = query.compile(db());
    const explained = await db().executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]),
    );
    const plan = explained.rows[0]!['QUERY PLAN'];
    const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
    return [...text.matchAll(/"Node Type":\s*"([^"]+)"/g)].map((m) => m[1]!);
  }

  it('looks up each root in an index, never reading the whole table', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    // 20,000 records of 10,000 cases, each seen by two units: a township's first months.
    await sql`
      INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table,
        root_id, version, columns, field_versions, deleted, origin_terminal_id, updated_at)
      SELECT ${code}, 'cases', 'case-' || i, 'unit', 'cases', 'case-' || (i / 2), 'v',
        '{}'::jsonb, '{}'::jsonb, false, 'terminal', now()
      FROM generate_series(1, 20000) AS i`.execute(db());
    await sql`
      INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
      SELECT ${code}, 'case-' || i, unit, 'owner'
      FROM generate_series(1, 10000) AS i, (VALUES ('a'), ('b')) AS u(unit)`.execute(db());
    await sql`ANALYZE sync_records`.execute(db());
    await sql`ANALYZE sync_visibility`.execute(db());

    // A push of a thousand new cases, and one the hub holds.
    const roots = [...Array.from({ length: 999 }, () => randomUUID()), 'case-77'];
    const visibility = await rootVisibility(code, roots).execute(db());
    expect(visibility.rows.map((row) => row.unit_id).sort()).toEqual(['a', 'b']);
    const members = await rootMembers(code, roots, null).execute(db());
    expect(members.rows.map((row) => row.record_id).sort()).toEqual(['case-154', 'case-155']);

    const keys = [
      ...roots.map((root) => ({ table: 'cases', recordId: root })),
      { table: 'cases', recordId: 'case-155' },
      { table: 'residents', recordId: 'case-154' },
    ];
    const named = await namedRecords(code, keys).execute(db());
    expect(named.rows.map((row) => row.record_id).sort()).toEqual(['case-155', 'case-77']);

    const held = await rootsHeldElsewhere(code, [
      ...keys,
      { table: 'disputes', recordId: 'case-77' },
    ]).execute(db());
    // case-154 is the root of case-308 and case-309: no resident may take its id.
    expect(held.rows.map((row) => `${row.table_name}/${row.record_id}`).sort()).toEqual([
      'disputes/case-77',
      'residents/case-154',
    ]);

    const statements = [
      rootVisibility(code, roots),
      rootMembers(code, roots, null),
      namedRecords(code, keys),
      residentLocks(code, roots),
      rootsHeldElsewhere(code, keys),
    ];
    for (const query of statements) {
      const nodes = await nodeTypes(query);
      expect(nodes).toContain('Index Scan');
      expect(nodes).not.toContain('Seq Scan');
    }
  });
});

describeOnBackends('the rows a push writes', (backend) => {
  const db = useDatabase(backend);

  it('enters a visibility row in two indexes: the (root, unit) key and the unit’s roots for the digest', async () => {
    // Two visibility rows a record in a township's push: an index by unit alone, which no statement
    // read, cost each of them an entry (migration 2026_12_09_0210). The digest reads a unit's roots
    // by (unit, root), an index-only range (migration 2026_12_10_0040, bench:hub-digest).
    const indexes = await sql<{ name: string; definition: string }>`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'sync_visibility' ORDER BY indexname`.execute(
      db(),
    );
    expect(indexes.rows).toEqual([
      {
        name: 'sync_visibility_pkey',
        definition: expect.stringMatching(/\(county_code, root_id, unit_id\)$/) as unknown,
      },
      {
        name: 'sync_visibility_unit_root',
        definition: expect.stringMatching(/\(county_code, unit_id, root_id\)$/) as unknown,
      },
    ]);
  });
});
