import { createHash, randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { checkedPulledRecord } from '@shared/sync/pulled-record-check';
import { SYNC_PATHS, pullPath, recordBucket } from '@shared/sync/records-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { digestQuery } from './record-pull';
import { startTestHub, type TestHub } from '../test/test-hub';

/*
 * The push side (another part of issue 15) fills sync_records, sync_visibility and sync_feed; these
 * tests write those rows as it would, and read them back through the pull and digest endpoints.
 */

interface Seeded {
  table: string;
  id: string;
  rootId: string;
  version: string;
  columns: Record<string, string | number | null>;
}

describeOnBackends('pulling the records a unit sees', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  const unit = (suffix: string) => orgUnitIdFromDivisionCode(`${hub.countyCode}${suffix}`);

  async function county() {
    hub = await startTestHub(db());
    const centre = (await hub.enrol(hub.firstCode)).body.token as string;
    const enrolAt = async (orgUnitCode: string) => {
      const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
        token: centre,
        body: { orgUnitCode },
      });
      return (await hub.enrol(code.body.code)).body.token as string;
    };
    return {
      window1: await enrolAt(`${hub.countyCode}001`),
      village: await enrolAt(`${hub.countyCode}001001`),
      north: await enrolAt(`${hub.countyCode}002`),
    };
  }

  /** A record as the push side stores it, with its change number. */
  async function store(record: Seeded, ownerUnit: string, seq: number) {
    const row = {
      county_code: hub.countyCode,
      table_name: record.table,
      record_id: record.id,
      org_unit_id: ownerUnit,
      root_table:
        record.table === 'cases' || record.table === 'case_materials' ? 'cases' : 'disputes',
      root_id: record.rootId,
      version: record.version,
      columns: JSON.stringify({ id: record.id, version: record.version, ...record.columns }),
      field_versions: JSON.stringify({}),
      deleted: false,
      change_seq: seq,
      origin_terminal_id: 'terminal-1',
      updated_at: hub.clock.now,
    };
    await db()
      .insertInto('sync_records')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['county_code', 'table_name', 'record_id']).doUpdateSet({
          version: row.version,
          columns: row.columns,
          change_seq: seq,
        }),
      )
      .execute();
  }

  async function see(rootId: string, unitId: string, access: 'owner' | 'addressee' | 'reader') {
    await db()
      .insertInto('sync_visibility')
      .values({ county_code: hub.countyCode, root_id: rootId, unit_id: unitId, access })
      .onConflict((oc) => oc.columns(['county_code', 'root_id', 'unit_id']).doUpdateSet({ access }))
      .execute();
  }

  async function feed(unitId: string, table: string, recordId: string, seq: number) {
    await db()
      .insertInto('sync_feed')
      .values({
        county_code: hub.countyCode,
        unit_id: unitId,
        table_name: table,
        record_id: recordId,
        seq,
      })
      .onConflict((oc) =>
        oc.columns(['county_code', 'unit_id', 'table_name', 'record_id']).doUpdateSet({ seq }),
      )
      .execute();
  }

  const version = (n: number) =>
    `2026-12-07T01:00:00.${String(n).padStart(3, '0')}Z-0000-terminal-1`;

  function aCase(n: number, applicant: string): Seeded {
    const id = randomUUID();
    return {
      table: 'cases',
      id,
      rootId: id,
      version: version(n),
      columns: { applicant_name: applicant },
    };
  }

  const pull = (token: string, request: { after?: string; limit?: number; bucket?: string } = {}) =>
    hub.call('GET', pullPath(request), { token });

  it('hands a township window its unit’s records in pages with a cursor, and never another unit’s', async () => {
    const t = await county();
    const township = unit('001');
    const cases = [aCase(1, '张三'), aCase(2, '李四'), aCase(3, '王五')];
    for (const [i, c] of cases.entries()) {
      await store(c, township, i + 1);
      await see(c.id, township, 'owner');
      await feed(township, 'cases', c.id, i + 1);
    }
    const northCase = aCase(4, '赵六');
    await store(northCase, unit('002'), 4);
    await see(northCase.id, unit('002'), 'owner');
    await feed(unit('002'), 'cases', northCase.id, 4);

    const first = await pull(t.window1, { limit: 2 });
    expect(first.status).toBe(200);
    expect(
      first.body.records.map(
        (r: { columns: { applicant_name: string } }) => r.columns.applicant_name,
      ),
    ).toEqual(['张三', '李四']);
    expect(first.body.records[0]).toMatchObject({
      table: 'cases',
      orgUnitId: township,
      access: 'owner',
      version: version(1),
    });
    expect(first.body).toMatchObject({ more: true, remaining: 1 });
    const second = await pull(t.window1, { after: first.body.cursor, limit: 2 });
    expect(second.body.records.map((r: { recordId: string }) => r.recordId)).toEqual([
      cases[2]!.id,
    ]);
    expect(second.body).toMatchObject({ more: false, remaining: 0 });
    const nothing = await pull(t.window1, { after: second.body.cursor });
    expect(nothing.body).toMatchObject({ records: [], more: false, cursor: second.body.cursor });

    // Changed again: its feed row is renumbered past the cursor and it comes again, as it is now.
    await store(
      { ...cases[0]!, version: version(5), columns: { applicant_name: '张三丰' } },
      township,
      5,
    );
    await feed(township, 'cases', cases[0]!.id, 5);
    const changed = await pull(t.window1, { after: second.body.cursor });
    expect(changed.body.records).toHaveLength(1);
    expect(changed.body.records[0]).toMatchObject({
      version: version(5),
      columns: { applicant_name: '张三丰' },
    });

    const north = await pull(t.north);
    expect(north.body.records.map((r: { recordId: string }) => r.recordId)).toEqual([northCase.id]);
    const village = await pull(t.village);
    expect(village.body).toMatchObject({ records: [], more: false });
    expect(JSON.stringify(village.body)).not.toContain('张三');
  });

  it('tells how many records are left on every page of a long pull, with the changes made meanwhile', async () => {
    const t = await county();
    const township = unit('001');
    const cases = Array.from({ length: 10 }, (_, i) => aCase(i + 1, `申请人${i}`));
    for (const [i, c] of cases.entries()) {
      await store(c, township, i + 1);
      await see(c.id, township, 'owner');
      await feed(township, 'cases', c.id, i + 1);
    }
    const first = await pull(t.window1, { limit: 3 });
    const second = await pull(t.window1, { after: first.body.cursor, limit: 3 });
    expect([first.body.remaining, second.body.remaining]).toEqual([7, 4]);

    // Two records change before the pull ends: one already sent comes again, and a new one.
    await store({ ...cases[0]!, version: version(11) }, township, 11);
    await feed(township, 'cases', cases[0]!.id, 11);
    const added = aCase(12, '新申请人');
    await store(added, township, 12);
    await see(added.id, township, 'owner');
    await feed(township, 'cases', added.id, 12);
    const third = await pull(t.window1, { after: second.body.cursor, limit: 3 });
    expect(third.body).toMatchObject({ more: true, remaining: 3 });
    const fourth = await pull(t.window1, { after: third.body.cursor, limit: 3 });
    expect(fourth.body.records.map((r: { recordId: string }) => r.recordId)).toEqual([
      cases[9]!.id,
      cases[0]!.id,
      added.id,
    ]);
    expect(fourth.body).toMatchObject({ more: false, remaining: 0 });

    // A cursor stored before the count was carried (seq/table/id) still resumes, counted afresh.
    const plain = second.body.cursor.split('/').slice(0, 3).join('/');
    const resumed = await pull(t.window1, { after: plain, limit: 3 });
    expect(resumed.body.records.map((r: { recordId: string }) => r.recordId)).toEqual(
      third.body.records.map((r: { recordId: string }) => r.recordId),
    );
    expect(resumed.body).toMatchObject({ more: true, remaining: 3 });
  });

  it('sends a feed row only while the unit still sees its root', async () => {
    const t = await county();
    const c = aCase(1, '张三');
    await store(c, unit('001'), 1);
    // A feed row for the village without visibility: nothing of the case reaches it.
    await feed(unit('001001'), 'cases', c.id, 1);
    expect((await pull(t.village)).body.records).toEqual([]);
    await see(c.id, unit('001001'), 'reader');
    const reader = await pull(t.village);
    expect(reader.body.records).toHaveLength(1);
    expect(reader.body.records[0]).toMatchObject({
      recordId: c.id,
      access: 'reader',
      orgUnitId: unit('001'),
    });
  });

  it('sends the columns as stored, whatever characters they hold, as records the terminal accepts', async () => {
    const t = await county();
    const township = unit('001');
    const c = aCase(1, '𠮷野 "王" \\ 秀英');
    c.columns = {
      ...c.columns,
      address: '岩头村\n12 号\t\u0001',
      promised_days: 20,
      official_no: null,
      amount: 1.5,
    };
    await store(c, township, 1);
    await see(c.id, township, 'owner');
    await feed(township, 'cases', c.id, 1);
    const page = await pull(t.window1);
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(page.body.records).toHaveLength(1);
    expect(checkedPulledRecord(page.body.records[0])).toEqual({
      table: 'cases',
      recordId: c.id,
      orgUnitId: township,
      version: c.version,
      columns: { id: c.id, version: c.version, ...c.columns },
      access: 'owner',
    });
  });

  it('moves the cursor past feed rows the unit no longer sees, a page of them at a time', async () => {
    const t = await county();
    const township = unit('001');
    const gone = [aCase(1, '甲'), aCase(2, '乙'), aCase(3, '丙')];
    for (const [i, c] of gone.entries()) {
      await store(c, township, i + 1);
      await feed(township, 'cases', c.id, i + 1);
    }
    const seen = aCase(4, '丁');
    await store(seen, township, 4);
    await see(seen.id, township, 'owner');
    await feed(township, 'cases', seen.id, 4);

    // A page reads its own feed rows and no further: two rows nobody may send, and more follow.
    const first = await pull(t.window1, { limit: 2 });
    expect(first.body).toMatchObject({ records: [], more: true, remaining: 2 });
    expect(first.body.cursor.split('/').slice(0, 3)).toEqual(['2', 'cases', gone[1]!.id]);
    const second = await pull(t.window1, { after: first.body.cursor, limit: 2 });
    expect(second.body.records.map((r: { recordId: string }) => r.recordId)).toEqual([seen.id]);
    expect(second.body).toMatchObject({ more: false, remaining: 0 });
    expect(JSON.stringify([first.body, second.body])).not.toMatch(/甲|乙|丙/);
  });

  it('pages through a hand-off that added a whole case under one change number', async () => {
    const t = await county();
    const township = unit('001');
    const c = aCase(1, '张三');
    const materials = [1, 2, 3].map((n) => ({
      table: 'case_materials',
      id: randomUUID(),
      rootId: c.id,
      version: version(n),
      columns: { case_id: c.id, name: `材料${n}` },
    }));
    for (const record of [c, ...materials]) {
      await store(record, unit('001001'), 7);
      await feed(township, record.table, record.id, 7);
    }
    await see(c.id, township, 'addressee');
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await pull(t.window1, { limit: 1, ...(after ? { after } : {}) });
      seen.push(...page.body.records.map((r: { recordId: string }) => r.recordId));
      after = page.body.cursor;
      if (!page.body.more) break;
    }
    expect(seen.sort()).toEqual([c.id, ...materials.map((m) => m.id)].sort());
  });

  it('answers a digest per bucket that the terminal can compute, and pulls one bucket alone', async () => {
    const t = await county();
    const township = unit('001');
    const cases = Array.from({ length: 12 }, (_, i) => aCase(i + 1, `申请人${i}`));
    for (const [i, c] of cases.entries()) {
      await store(c, township, i + 1);
      await see(c.id, township, 'owner');
      await feed(township, 'cases', c.id, i + 1);
    }
    const expected = new Map<string, { count: number; hash: bigint }>();
    for (const c of cases) {
      const bucket = recordBucket(c.id);
      const md5 = createHash('md5').update(`cases/${c.id}/${c.version}`).digest('hex');
      const entry = expected.get(bucket) ?? { count: 0, hash: 0n };
      entry.count += 1;
      entry.hash = (entry.hash + BigInt(`0x${md5.slice(0, 15)}`)) % 2n ** 60n;
      expected.set(bucket, entry);
    }
    const digest = await hub.call('GET', SYNC_PATHS.digest, { token: t.window1 });
    expect(digest.status).toBe(200);
    expect(digest.body.buckets).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([bucket, { count, hash }]) => ({ bucket, count, hash: hash.toString() })),
    );
    expect((await hub.call('GET', SYNC_PATHS.digest, { token: t.north })).body.buckets).toEqual([]);

    const bucket = recordBucket(cases[0]!.id);
    const only = await pull(t.window1, { bucket });
    expect(only.body.records.map((r: { recordId: string }) => r.recordId).sort()).toEqual(
      cases
        .filter((c) => recordBucket(c.id) === bucket)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('answers, for every unit, the digest the feed-first join gave before it read from the unit’s roots', async () => {
    const t = await county();
    const [township, village, north] = [unit('001'), unit('001001'), unit('002')];
    let seq = 0;
    const sees = new Map<string, Set<string>>(
      [township, village, north].map((u) => [u, new Set()]),
    );
    const inFeed = new Map<string, string[]>([township, village, north].map((u) => [u, []]));
    async function put(record: Seeded, owner: string, units: string[], feedUnits = units) {
      seq += 1;
      await store(record, owner, seq);
      for (const u of units) {
        await see(record.rootId, u, u === owner ? 'owner' : 'reader');
        sees.get(u)!.add(record.rootId);
      }
      for (const u of feedUnits) {
        await feed(u, record.table, record.id, seq);
        inFeed.get(u)!.push(`${record.rootId}/${record.id}`);
      }
    }
    for (let n = 1; n <= 40; n++) {
      const c = aCase(n, `申请人${n}`);
      const owner = n % 3 === 0 ? north : n % 2 === 0 ? village : township;
      const units = owner === village ? [village, township] : [owner];
      // Every fifth case is handed to north too; every seventh is in the township's sight but not
      // (yet) in its feed, which the digest must not count.
      if (n % 5 === 0 && owner !== north) units.push(north);
      const feedUnits = n % 7 === 0 ? units.filter((u) => u !== township) : units;
      await put(c, owner, units, feedUnits);
      for (let m = 0; m < n % 4; m++) {
        const material = { ...aCase(n * 10 + m, ''), table: 'case_materials', rootId: c.id };
        await put(material, owner, units, feedUnits);
      }
    }
    // North loses sight of the cases handed to it: their feed rows stay and must not count.
    for (const rootId of [...sees.get(north)!].slice(0, 3)) {
      await db()
        .deleteFrom('sync_visibility')
        .where('county_code', '=', hub.countyCode)
        .where('root_id', '=', rootId)
        .where('unit_id', '=', north)
        .execute();
      sees.get(north)!.delete(rootId);
    }

    for (const [unitId, token] of [
      [township, t.window1],
      [village, t.village],
      [north, t.north],
    ] as const) {
      // The digest as the hub computed it before, the feed joined to the records and visibility.
      const before = await sql<{ bucket: string; n: string | number; hash: string }>`
        SELECT right(f.record_id, 1) AS bucket, count(*) AS n,
          (sum(('x' || substr(md5(f.table_name || '/' || f.record_id || '/' || r.version), 1, 15))
            ::bit(60)::bigint) % ${sql.lit((2n ** 60n).toString())})::text AS hash
        FROM sync_feed f
        JOIN sync_records r ON r.county_code = f.county_code AND r.table_name = f.table_name
          AND r.record_id = f.record_id
        JOIN sync_visibility v ON v.county_code = f.county_code AND v.root_id = r.root_id
          AND v.unit_id = f.unit_id
        WHERE f.county_code = ${hub.countyCode} AND f.unit_id = ${unitId}
          AND f.table_name IN ('cases', 'case_materials')
        GROUP BY right(f.record_id, 1) ORDER BY right(f.record_id, 1)`.execute(db());
      const digest = await hub.call('GET', SYNC_PATHS.digest, { token });
      expect(digest.status).toBe(200);
      expect(digest.body.buckets).toEqual(
        before.rows.map((row) => ({ bucket: row.bucket, count: Number(row.n), hash: row.hash })),
      );
      const seen = inFeed.get(unitId)!.filter((key) => sees.get(unitId)!.has(key.split('/')[0]!));
      const counted = digest.body.buckets.reduce(
        (sum: number, bucket: { count: number }) => sum + bucket.count,
        0,
      );
      expect(counted).toBe(seen.length);
      expect(counted).toBeGreaterThan(0);
    }
  });

  it('refuses a cursor it did not issue and a caller without a token', async () => {
    const t = await county();
    const bad = await pull(t.window1, { after: "1/cases/'; drop" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'INVALID_INPUT',
      message: '同步位置不正确，请重新同步',
    });
    expect((await hub.call('GET', SYNC_PATHS.pull)).status).toBe(401);
    expect((await hub.call('GET', SYNC_PATHS.digest)).status).toBe(401);
  });
});

describeOnBackends('the digest of a unit in a large county', (backend) => {
  const db = useDatabase(backend);

  /** The plan's node types and the indexes it reads, from EXPLAIN of the digest as the hub runs it. */
  async function plan(unitId: string): Promise<{ nodes: string[]; indexes: string[] }> {
    const compiled = digestQuery(db(), 'C1', unitId).compile();
    const explained = await db().executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]),
    );
    const json = explained.rows[0]!['QUERY PLAN'];
    const text = typeof json === 'string' ? json : JSON.stringify(json);
    const all = (key: string) =>
      [...text.matchAll(new RegExp(`"${key}":\\s*"([^"]+)"`, 'g'))].map((m) => m[1]!);
    return { nodes: all('Node Type'), indexes: all('Index Name') };
  }

  it('reads the unit’s own roots by index, never the whole county, for a small and a large unit', async () => {
    // 20,000 cases of eight townships, a root each, and a village that owns one in a thousand.
    await sql`
      INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table,
        root_id, version, columns, field_versions, deleted, origin_terminal_id, updated_at)
      SELECT 'C1', 'cases', md5('case' || i)::uuid::text, 'unit', 'cases',
        md5('case' || i)::uuid::text, 'v' || i, '{}'::jsonb, '{}'::jsonb, false, 'terminal', now()
      FROM generate_series(1, 20000) AS i`.execute(db());
    const owner = sql`CASE WHEN i % 1000 = 7 THEN 'village' ELSE 'town-' || (i % 8) END`;
    await sql`
      INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
      SELECT 'C1', md5('case' || i)::uuid::text, ${owner}, 'owner'
      FROM generate_series(1, 20000) AS i`.execute(db());
    await sql`
      INSERT INTO sync_feed (county_code, unit_id, table_name, record_id, seq)
      SELECT 'C1', ${owner}, 'cases', md5('case' || i)::uuid::text, i
      FROM generate_series(1, 20000) AS i`.execute(db());
    await sql`ANALYZE`.execute(db());

    for (const [unitId, sees] of [
      ['village', 20],
      ['town-0', 2500],
    ] as const) {
      const rows = await digestQuery(db(), 'C1', unitId).execute();
      expect(rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(sees);
      const { nodes, indexes } = await plan(unitId);
      expect(nodes).not.toContain('Seq Scan');
      expect(indexes).toContain('sync_visibility_unit_root');
    }
  });
});
