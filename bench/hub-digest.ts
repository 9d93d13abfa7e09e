/**
 * Issue 15's digest check on the county hub: what one GET /v1/sync/digest costs PostgreSQL for a
 * small and a large unit of a county of a given size. A throw-away cluster of this machine (Debian's
 * postgresql, default durability) is migrated and filled directly, as the push side leaves the
 * record tables: `--townships` townships of `--villages` villages, one root (a resident) for every
 * `--per-root` records, each root owned by its village and read by its township (two visibility rows a root,
 * two feed rows a record), townships interleaved in arrival order. One village sees about a
 * thousandth of the county: the small unit; the large unit is a township (1/townships of the county).
 * Each unit's digest runs through the hub's own recordDigest: once to warm the cache, then `--repeat`
 * times; prints the median and the server's CPU per digest (the postmaster's process tree, parallel
 * workers included), then EXPLAIN (ANALYZE, BUFFERS) of the same statement as the plan's shape.
 * Run: npm run bench:hub-digest [-- --records 240000 --per-root 5 --townships 8 --villages 20
 *   --repeat 10]
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { migrate } from '../upstream/src/db/migrate';
import { migrations } from '../upstream/src/db/migrations';
import type { HubDatabase } from '../upstream/src/db/schema';
import { recordDigest } from '../upstream/src/record-pull';
import type { Caller } from '../upstream/src/terminals';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import { countFlag } from './lib/args';
import { createHubDatabase } from './lib/hub-process';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';
import { treeCpuSeconds } from './lib/process-cpu';
import { formatMs, percentile } from './lib/stats';

const COUNTY = '330324';
/** Roots whose number ends in 007 (of every 1,000) belong to the small village. */
const SMALL_VILLAGE_EVERY = 1000;

/** The county the bench fills: its records, one root for every `perRoot` of them, its units. */
interface CountyShape {
  records: number;
  perRoot: number;
  townships: number;
  villages: number;
}

async function seed(
  db: Kysely<HubDatabase>,
  { records, perRoot, townships, villages }: CountyShape,
) {
  const roots = Math.ceil(records / perRoot);
  const village = sql.raw(`CASE WHEN k % ${SMALL_VILLAGE_EVERY} = 7 THEN 'small'
    ELSE (k % ${townships}) || '/' || ((k / ${townships}) % ${villages}) END`);
  await sql`CREATE TEMP TABLE bench_roots AS
    SELECT k, md5('root/' || k)::uuid::text AS root_id,
      md5('unit/' || (k % ${sql.lit(townships)}))::uuid::text AS township,
      md5('unit/' || ${village})::uuid::text AS village
    FROM generate_series(1, ${sql.lit(roots)}) AS k`.execute(db);
  await sql`CREATE TEMP TABLE bench_records AS
    SELECT i, ro.root_id, ro.township, ro.village,
      CASE WHEN (i - 1) % ${sql.lit(perRoot)} = 0 THEN 'residents' ELSE 'cases' END AS table_name,
      CASE WHEN (i - 1) % ${sql.lit(perRoot)} = 0 THEN ro.root_id
        ELSE md5('record/' || i)::uuid::text END AS record_id,
      lpad(i::text, 13, '0') || '-0000-bench' AS version
    FROM generate_series(1, ${sql.lit(records)}) AS i
    JOIN bench_roots ro ON ro.k = (i - 1) / ${sql.lit(perRoot)} + 1`.execute(db);
  await sql`INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table,
      root_id, version, columns, field_versions, deleted, change_seq, origin_terminal_id, updated_at)
    SELECT ${COUNTY}, table_name, record_id, village, 'residents', root_id, version,
      jsonb_build_object('id', record_id, 'version', version, 'name', '居民' || i,
        'note', repeat('备注', 120)),
      jsonb_build_object('id', version, 'name', version, 'note', version),
      false, NULL, 'bench', now()
    FROM bench_records ORDER BY i`.execute(db);
  await sql`INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
    SELECT ${COUNTY}, root_id, village, 'owner' FROM bench_roots
    UNION ALL SELECT ${COUNTY}, root_id, township, 'reader' FROM bench_roots`.execute(db);
  await sql`INSERT INTO sync_feed (county_code, unit_id, table_name, record_id, seq)
    SELECT ${COUNTY}, village, table_name, record_id, i FROM bench_records
    UNION ALL SELECT ${COUNTY}, township, table_name, record_id, i FROM bench_records`.execute(db);
  await sql`DROP TABLE bench_roots, bench_records`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Join Type'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Workers Launched'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** One line a node: its type, what it reads, its rows × loops. */
function planShape(node: PlanNode, depth = 0): string[] {
  const on = node['Index Name'] ?? node['Relation Name'];
  const join = node['Join Type'] && node['Join Type'] !== 'Inner' ? ` ${node['Join Type']}` : '';
  const workers =
    node['Workers Launched'] === undefined ? '' : `, ${node['Workers Launched']} workers`;
  const head = `${'  '.repeat(depth)}${node['Node Type']}${join}${on ? ` on ${on}` : ''}`;
  const rows = `rows ${node['Actual Rows']} x${node['Actual Loops']}${workers}`;
  return [
    `    ${head.padEnd(56)} ${rows}`,
    ...(node.Plans ?? []).flatMap((child) => planShape(child, depth + 1)),
  ];
}

async function explain(db: Kysely<HubDatabase>, query: CompiledQuery): Promise<string[]> {
  const result = await db.executeQuery<{
    'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }];
  }>({
    ...query,
    sql: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
  });
  const [{ Plan: plan, 'Execution Time': ms }] = result.rows[0]!['QUERY PLAN'];
  const blocks = (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
  return [`    EXPLAIN ANALYZE: ${formatMs(ms)}, ${blocks} shared blocks`, ...planShape(plan)];
}

async function main(): Promise<void> {
  const shape: CountyShape = {
    records: countFlag('records', 240_000),
    perRoot: Math.max(1, countFlag('per-root', 5)),
    townships: Math.max(1, countFlag('townships', 8)),
    villages: Math.max(1, countFlag('villages', 20)),
  };
  const repeat = Math.max(1, countFlag('repeat', 10));
  const bin = postgresBinariesOrExit('bench:hub-digest');
  console.log(
    `基层一窗通 hub digest benchmark, ${new Date().toISOString()}: ${shape.records} records ` +
      `(${shape.perRoot} a root) in ${shape.townships} townships of ${shape.villages} villages; ` +
      `${cpus().length} CPUs, load ${loadFigures()}`,
  );
  let cluster: PostgresCluster | null = null;
  let db: Kysely<HubDatabase> | null = null;
  try {
    cluster = await startPostgresCluster(bin, { durable: true });
    const captured: { last?: CompiledQuery } = {};
    db = new Kysely<HubDatabase>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: await createHubDatabase(cluster.url), max: 1 }),
      }),
      log: (event) => {
        if (event.level === 'query') captured.last = event.query;
      },
    });
    await migrate(db, migrations);
    const seedStart = performance.now();
    await seed(db, shape);
    const seconds = ((performance.now() - seedStart) / 1000).toFixed(1);
    console.log(`${cluster.version}; county seeded in ${seconds} s`);

    const units = await sql<{ small: string; large: string }>`SELECT
      md5('unit/small')::uuid::text AS small, md5('unit/0')::uuid::text AS large`.execute(db);
    const { small, large } = units.rows[0]!;
    for (const [name, id] of [
      ['small unit (a village)', small],
      ['large unit (a township)', large],
    ] as const) {
      const caller = { orgUnit: { id } } as Caller;
      const warm = await recordDigest(db, COUNTY, caller);
      const seen = warm.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
      const times: number[] = [];
      const cpuBefore = treeCpuSeconds(cluster.serverPid());
      for (let i = 0; i < repeat; i++) {
        const start = performance.now();
        await recordDigest(db, COUNTY, caller);
        times.push(performance.now() - start);
      }
      const cpuMs = ((treeCpuSeconds(cluster.serverPid()) - cpuBefore) * 1000) / repeat;
      console.log(
        `${name.padEnd(24)} sees ${String(seen).padStart(7)} records: digest p50 ` +
          `${formatMs(percentile(times, 50))}, max ${formatMs(Math.max(...times))}, ` +
          `server CPU ${cpuMs.toFixed(1)} ms a digest (n=${repeat}, load ${loadFigures()})`,
      );
      for (const line of await explain(db, captured.last!)) console.log(line);
    }
  } finally {
    await db?.destroy();
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
