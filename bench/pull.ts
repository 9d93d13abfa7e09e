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
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
import { formatMs, percentile } from './lib/stats';

const ROOT = resolve(__dirname, '..');
const COUNTY = '330324';
const YANTOU = orgUnitIdFromDivisionCode('330324108');
const VILLAGE = orgUnitIdFromDivisionCode('330324108201');
const TARGET_RECORDS_PER_S = 20_000;
const TARGET_LATENCY_MS = 50;
const TARGET_RSS_MB = 150;

async function startHub(databaseUrl: string, logFile: string) {
  const log = openSync(logFile, 'w');
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.node.json', 'upstream/src/main.ts', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const text = readFileSync(logFile, 'utf8');
    const url = /listening: (http:\/\/\S+)/.exec(text)?.[1];
    const code = /first terminal: (\S+)/.exec(text)?.[1];
    if (url && code) return { child, url, firstCode: code };
    if (child.exitCode !== null) throw new Error(`the hub exited:\n${text}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('the hub did not start within 120 s');
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林潘郑';
const GIVEN = '秀英建国志强美玲海燕小红伟明丽华桂兰德福春梅';

function hlc(n: number): string {
  const wall = Date.parse('2026-01-01T00:00:00.000Z') + n;
  return `${new Date(wall).toISOString()}-0000-00000000-0000-4000-8000-000000000001`;
}

function uuid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0190${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${hex}`;
}

/** The records as the push side stores them: each record's columns as the terminal's row. */
function records(total: number, item: { id: string; versionId: string; name: string }) {
  const residents = Math.floor(total / 5);
  const rows: { table: string; id: string; rootId: string; version: string; columns: object }[] =
    [];
  const sync = (n: number) => ({
    org_unit_id: YANTOU,
    created_at: '2026-01-01T01:00:00.000Z',
    created_by: null,
    updated_at: '2026-01-01T01:00:00.000Z',
    updated_by: null,
    origin_terminal_id: '00000000-0000-4000-8000-000000000001',
    version: hlc(n),
    deleted_at: null,
  });
  for (let i = 0; i < residents; i += 1) {
    const id = uuid(1, i);
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3) % GIVEN.length]}`;
    rows.push({
      table: 'residents',
      id,
      rootId: id,
      version: hlc(i),
      columns: {
        id,
        ...sync(i),
        doc_type: 'resident_id',
        doc_number: `330324${String(19500101 + (i % 28)).padStart(8, '0')}${String(i).padStart(4, '0').slice(-4)}${i}`,
        name,
        gender: i % 2 ? 'male' : 'female',
        birth_date: '1950-01-01',
        phone: `139${String(i).padStart(8, '0')}`,
        address: `永嘉县岩头镇岩头村${(i % 300) + 1} 号`,
        village_org_id: VILLAGE,
        ethnicity: null,
        initials: 'wxy',
      },
    });
  }
  for (let i = residents; i < total; i += 1) {
    const id = uuid(2, i);
    const residentIndex = i % residents;
    rows.push({
      table: 'cases',
      id,
      rootId: id,
      version: hlc(i),
      columns: {
        id,
        ...sync(i),
        case_no: `2026-0108-01-${String(i).padStart(6, '0')}`,
        official_no: null,
        item_id: item.id,
        item_version_id: item.versionId,
        item_name: item.name,
        item_type: 'promised',
        promised_days: 20,
        resident_id: uuid(1, residentIndex),
        applicant_name: '王秀英',
        applicant_initials: 'wxy',
        state: 'completed',
        channel: 'counter',
        agent_user_id: null,
        agency_org_id: null,
        agency_reason: null,
        attorney_date: null,
        handoff_due_date: null,
        handed_over_at: null,
        received_at: '2026-01-01T01:00:00.000Z',
        received_date: '2026-01-01',
        accepted_at: '2026-01-01T01:05:00.000Z',
        accepted_date: '2026-01-01',
        due_date: '2026-01-29',
        paused_since: null,
        paused_working_days: 0,
        completed_at: '2026-01-10T03:00:00.000Z',
        completed_date: '2026-01-10',
        handed_out_at: null,
        result_note: '已按规定办结，结果已告知申请人',
        reject_reason: null,
        redirect_to: null,
        handler_id: null,
        counter_contact: '0577-57661234',
      },
    });
  }
  return rows;
}

async function seed(client: pg.Client, rows: ReturnType<typeof records>): Promise<void> {
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
    const started = await startHub(databaseUrl, join(work, 'hub.log'));
    hub = started.child;

    const centre = await createHarness({ dataDir: join(work, 'centre') });
    const terminal = await createHarness({ dataDir: join(work, 'terminal') });
    // The harness's clock is set by hand; the pull measures real time.
    const centreAdmin = await joinHub(centre, started.url, started.firstCode, {
      terminalName: '县中心',
    });
    const { code } = await centre.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    const admin2 = await joinHub(terminal, started.url, code, { username: 'yantou_admin' });
    await centre.cleanup();
    const rt = terminal.backend.runtime;
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
      records(total, { id: itemId, versionId: item.current_version_id, name: item.name }),
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
    const pullStart = performance.now();
    const result = await pullRecords(rt, pageSize ? { pageSize } : {});
    const seconds = (performance.now() - pullStart) / 1000;
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
      `terminal RSS: ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB during the pull ` +
        `(target < ${TARGET_RSS_MB} MB: ${Number(mb(peakRss)) < TARGET_RSS_MB ? '达标 OK' : '超标 OVER'}; ` +
        'this process also runs the bench and its probe)',
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
