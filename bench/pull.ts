/**
 * Issue 15's pull benchmark: a township terminal pulls 100,000 case-sized records from the county
 * hub on loopback. The hub runs as its own process (`npm run hub`'s entry) on a throw-away
 * PostgreSQL cluster of this machine (Debian's postgresql, default durability); its record tables
 * are filled directly, as the push side leaves them: 20% residents, 80% cases of those residents.
 * The terminal is the real backend in a process of its own (bench/lib/terminal-process.ts), joined to
 * the hub as the wizard joins it; while it pulls, a trivial backend request (hub.pullProgress through
 * the dispatcher) goes out every 10 ms in that process. Prints records/s applied, the terminal
 * process's RSS and CPU, the hub's CPU and the requests' latencies.
 * Run: npm run bench:pull [-- --records 100000 --page N (fixed page size; default adaptive)
 *   --first-sync (the terminal forgets the cursor its join stored: a new terminal's first sync, which
 *   defers the synced tables' secondary indexes; without it the pull keeps them)
 *   --pg-statements N (load pg_stat_statements, print the N statements PostgreSQL spent most in)]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { createHarness } from '../electron/backend/testing/harness';
import { joinHub } from '../electron/backend/testing/hub-terminal';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import { countFlag } from './lib/args';
import {
  PG_STATEMENTS_SETTINGS,
  printStatements,
  statementCalls,
  statementsReset,
} from './lib/pg-statements';
import { startDemoHub, createHubDatabase } from './lib/hub-process';
import { treeCpuSeconds } from './lib/process-cpu';
import { pullBenchRecords, type BenchRecord } from './lib/pull-records';
import { formatMs, percentile } from './lib/stats';
import { startTerminalProcess, type TerminalProcess } from './lib/terminal-process';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

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
  const firstSync = process.argv.includes('--first-sync');
  const statements = countFlag('pg-statements', 0);
  const bin = postgresBinariesOrExit('bench:pull');
  console.log(
    `基层一窗通 record pull benchmark, ${new Date().toISOString()}: ${total} records, pages of ` +
      `${pageSize || 'adaptive size'}${firstSync ? ', first sync' : ''}; ${cpus().length} CPUs, load ${loadFigures()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'bench-pull-'));
  let cluster: PostgresCluster | null = null;
  let hub: ChildProcess | null = null;
  let terminal: TerminalProcess | null = null;
  try {
    cluster = await startPostgresCluster(bin, {
      durable: true,
      settings: statements > 0 ? PG_STATEMENTS_SETTINGS : [],
    });
    const databaseUrl = await createHubDatabase(cluster.url);
    const started = await startDemoHub(databaseUrl, join(work, 'hub.log'));
    hub = started.child;

    const centre = await createHarness({ dataDir: join(work, 'centre') });
    terminal = await startTerminalProcess(join(work, 'terminal'));
    const centreAdmin = await joinHub(centre, started.base.origin, started.firstCode, {
      terminalName: '县中心',
    });
    const { code } = await centre.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    await centre.cleanup();
    // The minute's cycle would pull too; the child stops it, the bench times one pull of its own.
    await terminal.call('join', started.base.origin, code, 'yantou_admin');
    const item = await terminal.call('item', 'ZJ-XZ-0003');

    const seedStart = performance.now();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await seed(client, pullBenchRecords(total, item, { township: YANTOU, village: VILLAGE }));
    await client.end();
    console.log(
      `${cluster.version}; hub seeded with ${total} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    console.log(`terminal joined: ${JSON.stringify(await terminal.call('memory', true))} MB`);
    const before = terminal.sample();
    if (statements > 0) await statementsReset(databaseUrl);
    const watch = terminal.watchRss();
    const cpuBefore = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const pullStart = performance.now();
    const { result, latencies, listLatencies, cases, peaks } = await terminal.call(
      'pull',
      pageSize,
      firstSync,
    );
    const seconds = (performance.now() - pullStart) / 1000;
    const peakRss = watch.stop();
    const after = terminal.sample();
    const cpu = {
      terminal: after.cpuSeconds - before.cpuSeconds,
      hub: treeCpuSeconds(hub.pid!) - cpuBefore.hub,
      server: treeCpuSeconds(cluster.serverPid()) - cpuBefore.server,
    };
    const perSecond = result.applied / seconds;
    console.log(
      `pull: ${result.state}${result.problem ? ` (${result.problem})` : ''}, ${result.applied} records applied ` +
        `(${cases} cases here) in ${seconds.toFixed(1)} s = ${Math.round(perSecond)} records/s ` +
        `(target ≥ ${TARGET_RECORDS_PER_S}: ${perSecond >= TARGET_RECORDS_PER_S ? '达标 OK' : '未达标 UNDER'})`,
    );
    console.log(
      `RSS of the terminal's process: ${before.rssMb.toFixed(0)} MB before, peak ${peakRss.toFixed(0)} MB ` +
        `during the pull (${watch.exact ? 'VmHWM, reset as it began' : 'sampled every 20 ms'}; ` +
        `VmHWM since start ${after.hwmMb.toFixed(0)} MB) ` +
        `(target < ${TARGET_RSS_MB} MB: ${peakRss < TARGET_RSS_MB ? '达标 OK' : '超标 OVER'}); ` +
        `peaks of its memory figures during the pull: ${JSON.stringify(peaks)} MB; ` +
        `after it: ${JSON.stringify(await terminal.call('memory', false))} MB, ` +
        `after a full GC: ${JSON.stringify(await terminal.call('memory', true))} MB`,
    );
    // Waiting for a core costs time, not CPU: on a busy machine these say what an idle one would do.
    const perRecord = (cpuSeconds: number) =>
      ((cpuSeconds / Math.max(1, result.applied)) * 1e6).toFixed(0);
    console.log(
      `CPU during the pull: terminal ${cpu.terminal.toFixed(2)} s (${perRecord(cpu.terminal)} µs a record, ` +
        `probe included), hub ${cpu.hub.toFixed(2)} s + PostgreSQL ${cpu.server.toFixed(2)} s ` +
        `(${perRecord(cpu.hub + cpu.server)} µs a record), wall ${seconds.toFixed(1)} s`,
    );
    if (statements > 0) {
      const pages = await statementCalls(databaseUrl);
      console.log(`statements (round trips to PostgreSQL) during the pull: ${pages}`);
      await printStatements(databaseUrl, statements, result.applied, 'record');
    }
    const worst = Math.max(...latencies);
    console.log(
      `hub.pullProgress due every 10 ms during the pull, latency from when due: n=${latencies.length} p50 ${formatMs(percentile(latencies, 50))} ` +
        `p99 ${formatMs(percentile(latencies, 99))} max ${formatMs(worst)} ` +
        `(target max < ${TARGET_LATENCY_MS} ms: ${worst < TARGET_LATENCY_MS ? '达标 OK' : '超标 OVER'}); load ${loadFigures()}`,
    );
    const worstList = Math.max(...listLatencies);
    console.log(
      `cases.list (案件查询's first page, reads the database) due every 100 ms during the pull, latency from when due: ` +
        `n=${listLatencies.length} p50 ${formatMs(percentile(listLatencies, 50))} p99 ${formatMs(percentile(listLatencies, 99))} ` +
        `max ${formatMs(worstList)} (target max < ${TARGET_LATENCY_MS} ms: ${worstList < TARGET_LATENCY_MS ? '达标 OK' : '超标 OVER'})`,
    );
  } finally {
    await terminal?.stop();
    hub?.kill('SIGTERM');
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
