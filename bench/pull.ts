/**
 * Issue 15's pull benchmark: a township terminal pulls 100,000 case-sized records from the county
 * hub on loopback. The hub runs as its own process (`npm run hub`'s entry) on a throw-away
 * PostgreSQL cluster of this machine (Debian's postgresql, default durability); its record tables
 * are filled directly, as the push side leaves them: 20% residents, 80% cases of those residents.
 * The terminal is the real backend in this process, joined to the hub as the wizard joins it; while
 * it pulls, a trivial backend request (hub.pullProgress through the dispatcher) goes out every 10 ms.
 * Prints records/s applied, the terminal's peak RSS and the requests' latencies.
 * Run: npm run bench:pull [-- --records 100000 --page N (fixed page size; default adaptive)]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { pullRecords } from '../electron/backend/hub/pull/pull';
import { createHarness } from '../electron/backend/testing/harness';
import { joinHub } from '../electron/backend/testing/hub-terminal';
import { ensureItem } from '../electron/backend/testing/township';
import {
  NO_POSTGRES_REASON,
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from '../upstream/test/postgres-cluster';
import { countFlag } from './lib/args';
import { startDemoHub } from './lib/hub-process';
import { treeCpuSeconds } from './lib/process-cpu';
import { pullBenchRecords, type BenchRecord } from './lib/pull-records';
import { formatMs, percentile } from './lib/stats';

const COUNTY = '330324';
const YANTOU = orgUnitIdFromDivisionCode('330324108');
const VILLAGE = orgUnitIdFromDivisionCode('330324108201');
const TARGET_RECORDS_PER_S = 20_000;
const TARGET_LATENCY_MS = 50;
const TARGET_RSS_MB = 150;

async function seed(client: pg.Client, rows: BenchRecord[]): Promise<void> {
  await client.query('BEGIN');
  for (let start = 0; start < rows.length; start += 2000) {
    const batch = rows.slice(start, start + 2000).map((row, i) => ({ ...row, seq: start + i + 1 }));
    const json = JSON.stringify(batch);
    await client.query(
      `INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table, root_id,
         version, columns, field_versions, deleted, change_seq, origin_terminal_id, updated_at)
       SELECT $1, r.table, r.id, $2, r.table, r."rootId", r.version, r.columns, '{}'::jsonb, false,
         r.seq, 'seeded', now()
       FROM jsonb_to_recordset($3::jsonb) AS r("table" text, id text, "rootId" text, version text,
         columns jsonb, seq bigint)`,
      [COUNTY, YANTOU, json],
    );
    await client.query(
      `INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
       SELECT $1, r."rootId", $2, 'owner' FROM jsonb_to_recordset($3::jsonb) AS r("rootId" text)`,
      [COUNTY, YANTOU, json],
    );
    await client.query(
      `INSERT INTO sync_feed (county_code, unit_id, table_name, record_id, seq)
       SELECT $1, $2, r.table, r.id, r.seq
       FROM jsonb_to_recordset($3::jsonb) AS r("table" text, id text, seq bigint)`,
      [COUNTY, YANTOU, json],
    );
  }
  await client.query(
    `INSERT INTO sync_sequences (county_code, last_seq) VALUES ($1, $2)
     ON CONFLICT (county_code) DO UPDATE SET last_seq = excluded.last_seq`,
    [COUNTY, rows.length],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

async function main(): Promise<void> {
  const total = countFlag('records', 100_000);
  // 0: the pull sizes its pages by how long the last one took (pull.ts nextPageSize).
  const pageSize = countFlag('page', 0);
  const bin = findPostgresBinaries();
  if (!bin) {
    console.error(`bench:pull needs a real PostgreSQL server: ${NO_POSTGRES_REASON}`);
    process.exit(1);
  }
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(', ');
  console.log(
    `基层一窗通 record pull benchmark, ${new Date().toISOString()}: ${total} records, pages of ` +
      `${pageSize || 'adaptive size'}; ${cpus().length} CPUs, load ${load()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'bench-pull-'));
  let cluster: PostgresCluster | null = null;
  let hub: ChildProcess | null = null;
  try {
    cluster = await startPostgresCluster(bin, { durable: true });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE hub');
    await admin.end();
    const databaseUrl = cluster.url.replace(/\/postgres$/, '/hub');
    const started = await startDemoHub(databaseUrl, join(work, 'hub.log'));
    hub = started.child;

    const centre = await createHarness({ dataDir: join(work, 'centre') });
    const terminal = await createHarness({ dataDir: join(work, 'terminal') });
    // The harness's clock is set by hand; the pull measures real time.
    const centreAdmin = await joinHub(centre, started.base.origin, started.firstCode, {
      terminalName: '县中心',
    });
    const { code } = await centre.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    const admin2 = await joinHub(terminal, started.base.origin, code, { username: 'yantou_admin' });
    await centre.cleanup();
    const rt = terminal.backend.runtime;
    // The minute's cycle would pull too; the bench times one pull of its own.
    await rt.hubSync.stop();
    const itemId = await ensureItem(terminal, 'ZJ-XZ-0003');
    const item = await rt.db
      .selectFrom('service_items')
      .select(['current_version_id', 'name'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();

    const seedStart = performance.now();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await seed(
      client,
      pullBenchRecords(
        total,
        { id: itemId, versionId: item.current_version_id, name: item.name },
        { township: YANTOU, village: VILLAGE },
      ),
    );
    await client.end();
    console.log(
      `${cluster.version}; hub seeded with ${total} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const latencies: number[] = [];
    let pulling = true;
    const probe = (async () => {
      // Latency from when the request was due: a timer held up by a busy event loop counts too.
      let due = performance.now();
      while (pulling) {
        await terminal.call('hub.pullProgress', {}, admin2);
        const answered = performance.now();
        latencies.push(answered - due);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        due = Math.max(due + 10, answered);
        const wait = due - performance.now();
        if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      }
    })();
    const cpuBefore = {
      terminal: process.cpuUsage(),
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const pullStart = performance.now();
    const result = await pullRecords(rt, pageSize ? { pageSize } : {});
    const seconds = (performance.now() - pullStart) / 1000;
    const terminalCpu = process.cpuUsage(cpuBefore.terminal);
    const cpu = {
      terminal: (terminalCpu.user + terminalCpu.system) / 1e6,
      hub: treeCpuSeconds(hub.pid!) - cpuBefore.hub,
      server: treeCpuSeconds(cluster.serverPid()) - cpuBefore.server,
    };
    pulling = false;
    await probe;
    const counts = await rt.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const perSecond = result.applied / seconds;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `pull: ${result.state}${result.problem ? ` (${result.problem})` : ''}, ${result.applied} records applied ` +
        `(${counts.n} cases here) in ${seconds.toFixed(1)} s = ${Math.round(perSecond)} records/s ` +
        `(target ≥ ${TARGET_RECORDS_PER_S}: ${perSecond >= TARGET_RECORDS_PER_S ? '达标 OK' : '未达标 UNDER'})`,
    );
    console.log(
      `RSS of this process: ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB during the pull, ` +
        `+${mb(peakRss - rssBefore)} MB for the pull ` +
        `(target < ${TARGET_RSS_MB} MB: ${Number(mb(peakRss)) < TARGET_RSS_MB ? '达标 OK' : '超标 OVER'}; ` +
        'this process also holds the generated hub rows, the bench and its probe)',
    );
    // Waiting for a core costs time, not CPU: on a busy machine these say what an idle one would do.
    const perCpu = (seconds: number) => Math.round(result.applied / seconds);
    console.log(
      `CPU during the pull: terminal ${cpu.terminal.toFixed(1)} s (${perCpu(cpu.terminal)} records per CPU-second, ` +
        `probe included), hub ${cpu.hub.toFixed(1)} s, PostgreSQL ${cpu.server.toFixed(1)} s ` +
        `(${perCpu(cpu.hub + cpu.server)} records per CPU-second), wall ${seconds.toFixed(1)} s`,
    );
    const worst = Math.max(...latencies);
    console.log(
      `hub.pullProgress due every 10 ms during the pull, latency from when due: n=${latencies.length} p50 ${formatMs(percentile(latencies, 50))} ` +
        `p99 ${formatMs(percentile(latencies, 99))} max ${formatMs(worst)} ` +
        `(target max < ${TARGET_LATENCY_MS} ms: ${worst < TARGET_LATENCY_MS ? '达标 OK' : '超标 OVER'}); load ${load()}`,
    );
    await terminal.cleanup();
  } finally {
    hub?.kill('SIGTERM');
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
