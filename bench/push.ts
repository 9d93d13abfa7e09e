/**
 * Issue 15's push benchmark: a township terminal pushes 100,000 case-sized records to the county
 * hub on loopback, then rounds of 100 changes. The hub runs as its own process on a throw-away
 * PostgreSQL cluster of this machine (Debian's postgresql, default durability), as in bench:pull.
 * The terminal is the real backend in this process, joined to the hub as the wizard joins it; its
 * change log is filled directly, as the counter's use cases leave it (20% residents, 80% cases of
 * those residents, one use case each), and hub/pusher.ts sends it as the minute's cycle does.
 * Prints records/s, the terminal's peak RSS, and the rounds' times.
 * Run: npm run bench:push [-- --records 100000 --rounds 20]
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { formatHlc } from '@shared/sync/hlc';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import type { Runtime } from '../electron/backend/core/runtime';
import { pushPending } from '../electron/backend/hub/pusher';
import { readEnrolment } from '../electron/backend/hub/repository';
import { createHarness } from '../electron/backend/testing/harness';
import { joinHub } from '../electron/backend/testing/hub-terminal';
import {
  NO_POSTGRES_REASON,
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from '../upstream/test/postgres-cluster';
import { countFlag } from './lib/args';
import { startDemoHub } from './lib/hub-process';
import { benchCaseColumns, benchResidentColumns } from './lib/pull-records';
import { formatMs, percentile } from './lib/stats';

const YANTOU = orgUnitIdFromDivisionCode('330324108');
const VILLAGE = orgUnitIdFromDivisionCode('330324108201');
const TARGET_RECORDS_PER_S = 20_000;
const TARGET_ROUND_MS = 25;
const TARGET_RSS_MB = 150;

/** The item the bench's cases name: the change log does not check it, the hub stores it as sent. */
const ITEM = {
  id: '00000000-0000-4000-8000-000000000003',
  versionId: '00000000-0000-4000-8000-000000000004',
  name: '城乡居民基本养老保险参保登记',
};

/**
 * The change log's rows for `count` new records, numbered from `first`: a resident, then four
 * cases of that resident, each its own use case, as the counter writes them.
 */
function logRows(first: number, count: number, terminalId: string, clock: { wall: number }) {
  const rows = [];
  let residentId = '';
  for (let i = first; i < first + count; i += 1) {
    clock.wall += 1;
    const version = formatHlc({ wall: clock.wall, counter: 0, node: terminalId });
    const at = new Date(clock.wall).toISOString();
    const id = randomUUID();
    const sync = {
      id,
      org_unit_id: YANTOU,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
      origin_terminal_id: terminalId,
      version,
      deleted_at: null,
    };
    const resident = i % 5 === 0;
    if (resident) residentId = id;
    const payload = resident
      ? { ...sync, ...benchResidentColumns(i, VILLAGE) }
      : { ...sync, ...benchCaseColumns(i, ITEM, residentId, at) };
    rows.push({
      table_name: resident ? 'residents' : 'cases',
      record_id: id,
      op: 'insert' as const,
      payload: JSON.stringify(payload),
      base_version: null,
      version,
      org_unit_id: YANTOU,
      created_at: at,
      pushed_at: null,
      tx_id: randomUUID(),
      changed_columns: null,
      schema_version: 1,
      epoch: null,
    });
  }
  return rows;
}

async function fillLog(rt: Runtime, rows: ReturnType<typeof logRows>) {
  await rt.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('outbox')
        .values(rows.slice(start, start + 500))
        .execute();
    }
  });
}

async function main(): Promise<void> {
  const total = countFlag('records', 100_000);
  const roundCount = countFlag('rounds', 20);
  const bin = findPostgresBinaries();
  if (!bin) {
    console.error(`bench:push needs a real PostgreSQL server: ${NO_POSTGRES_REASON}`);
    process.exit(1);
  }
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(', ');
  console.log(
    `基层一窗通 record push benchmark, ${new Date().toISOString()}: ${total} records, then ` +
      `${roundCount} rounds of 100; ${cpus().length} CPUs, load ${load()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'bench-push-'));
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
    console.log(cluster.version);

    const centre = await createHarness({ dataDir: join(work, 'centre') });
    const terminal = await createHarness({ dataDir: join(work, 'terminal') });
    const centreAdmin = await joinHub(centre, started.base.origin, started.firstCode, {
      terminalName: '县中心',
    });
    const { code } = await centre.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    await joinHub(terminal, started.base.origin, code, { username: 'yantou_admin' });
    await centre.cleanup();
    const rt = terminal.backend.runtime;
    // The minute's cycle would push too; the bench times pushes of its own.
    await rt.hubSync.stop();
    await pushPending(rt);
    const enrolment = await readEnrolment(rt.db);
    if (!enrolment) throw new Error('the terminal did not join the hub');
    // Versions from a day back: the hub flags versions ahead of its clock.
    const clock = { wall: Date.now() - 86_400_000 };

    const fillStart = performance.now();
    for (let start = 0; start < total; start += 10_000) {
      await fillLog(
        rt,
        logRows(start, Math.min(10_000, total - start), enrolment.terminalId, clock),
      );
    }
    console.log(
      `change log filled with ${total} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
    );

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 10);
    const pushStart = performance.now();
    // As the minute's cycle does, a failed run is tried again (counted and printed).
    const outcome = await pushPending(rt, { timeoutMs: 120_000 });
    const failures: string[] = [];
    while (outcome.state === 'failed' && failures.length < 3) {
      failures.push(`${outcome.problem} after ${outcome.pushed}`);
      const again = await pushPending(rt, { timeoutMs: 120_000 });
      Object.assign(outcome, {
        ...again,
        pushed: outcome.pushed + again.pushed,
        rejected: outcome.rejected + again.rejected,
      });
    }
    const seconds = (performance.now() - pushStart) / 1000;
    if (failures.length > 0)
      console.log(`runs that failed and were tried again: ${failures.join('; ')}`);
    clearInterval(sampler);
    if (outcome.state !== 'done') {
      console.log(`the hub's log:\n${readFileSync(join(work, 'hub.log'), 'utf8').slice(-3000)}`);
    }
    const perSecond = outcome.pushed / seconds;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `push: ${outcome.state}${outcome.problem ? ` (${outcome.problem})` : ''}, ${outcome.pushed} records ` +
        `(${outcome.rejected} refused) in ${seconds.toFixed(1)} s = ${Math.round(perSecond)} records/s ` +
        `(target ≥ ${TARGET_RECORDS_PER_S}: ${perSecond >= TARGET_RECORDS_PER_S ? '达标 OK' : '未达标 UNDER'}); load ${load()}`,
    );
    console.log(
      `RSS of this process: ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB during the push ` +
        `(target < ${TARGET_RSS_MB} MB: ${Number(mb(peakRss)) < TARGET_RSS_MB ? '达标 OK' : '超标 OVER'}; ` +
        'this process also holds the bench)',
    );

    const rounds: number[] = [];
    for (let round = 0; round < roundCount; round += 1) {
      await fillLog(rt, logRows(total + round * 100, 100, enrolment.terminalId, clock));
      const roundStart = performance.now();
      const answer = await pushPending(rt);
      rounds.push(performance.now() - roundStart);
      if (answer.pushed !== 100) throw new Error(`round ${round}: ${answer.pushed} pushed`);
    }
    const p99 = percentile(rounds, 99);
    console.log(
      `rounds of 100 changes (read, send, hub commit, marked pushed): n=${rounds.length} ` +
        `p50 ${formatMs(percentile(rounds, 50))} p99 ${formatMs(p99)} max ${formatMs(Math.max(...rounds))} ` +
        `(target < ${TARGET_ROUND_MS} ms: ${p99 < TARGET_ROUND_MS ? '达标 OK' : '超标 OVER'}); load ${load()}`,
    );

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const held = await client.query(
      `SELECT count(*)::int AS n FROM sync_records WHERE org_unit_id = $1`,
      [YANTOU],
    );
    await client.end();
    const expected = total + roundCount * 100;
    console.log(
      `exactly once: the hub holds ${held.rows[0].n} records of the township (pushed ${expected}): ` +
        `${held.rows[0].n === expected ? 'OK' : 'MISMATCH'}`,
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
