/**
 * Issue 15's first-sync benchmark: a new terminal of a ten-year large township (the bench:generate
 * database, 瓯北街道 of 永嘉县) fully synced from the county hub; target ≤ 5 minutes, ≥ 40,000 rows/s
 * applied. The hub runs as its own process on a throw-away PostgreSQL cluster of this machine. As set
 * up, not measured: the county centre publishes its reference data (the shipped catalogue, calendar
 * and mediation vocabularies, and the township's mediators as the county's roster), and every synced
 * record of the generated database is loaded into the hub as if its terminal had pushed it all
 * (bench/lib/hub-load.ts). Then a fresh terminal joins the township in a process of its own
 * (bench/first-sync-terminal.ts) and its first sync cycle runs to the end; the bench prints rows,
 * time, rows/s, CPU per row of terminal, hub and PostgreSQL, the terminal's peak RSS, checks the
 * counts per table against what the hub's routing gives the township, and searches a few residents
 * and cases. The database is generated once per size and then reused (bench/data/township[-N]).
 * Run: npm run bench:first-sync [-- --scale 20 (1/20 of the full township) --data DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { divisionCodeFromOrgUnitId, orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import type { RosterEntry } from '@shared/sync/reference-contract';
import { DATABASE_FILE } from '../electron/backend/app/open-runtime';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import type { Probes, TerminalResult } from './first-sync-terminal';
import { MANIFEST_FILE, generate, type Manifest } from './generate/generate';
import { FULL_SIZE, sizesFromFlags } from './generate/sizes';
import { flag } from './lib/args';
import { benchCalendar, benchDisputeTypes, benchMediationReference } from './lib/hub-county';
import { loadTerminalIntoHub } from './lib/hub-load';
import { call, startDemoHub, createHubDatabase } from './lib/hub-process';
import { treeCpuSeconds } from './lib/process-cpu';
import { BACKEND_HEAP_START_FLAGS, backendMallocEnv } from '../electron/backend/host/heap';
import { bundleTerminal } from './lib/terminal-process';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

const ROOT = resolve(__dirname, '..');
const COUNTY = '330324';
const OUBEI_CODE = '330324009';
const OUBEI = orgUnitIdFromDivisionCode(OUBEI_CODE);
const TARGET_SECONDS = 300;
const TARGET_ROWS_PER_S = 40_000;

/** The generated township of this size, made now if this folder has none yet. */
async function township(dataDir: string, sizes: ReturnType<typeof sizesFromFlags>) {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    console.log(`generating the township in ${dataDir} (the full size takes about 70 minutes)`);
    await generate({
      dataDir,
      residents: sizes.residents,
      cases: sizes.cases,
      disputes: sizes.disputes,
      seed: 1,
      nowMs: Date.now(),
      log: (line) => console.log(`  ${line}`),
    });
  }
  const manifest = JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest;
  console.log(
    `township ${dataDir}: ${manifest.options.residents} residents, ${manifest.options.cases} cases, ` +
      `${manifest.options.disputes} disputes, generated ${manifest.generatedAt}`,
  );
  return manifest;
}

/** The township's mediators as the county registers them: the same ids, so disputes find them. */
function rosterOf(sqlite: BetterSqlite3.Database): { entries: RosterEntry[] } {
  const rows = sqlite
    .prepare(
      `SELECT id, org_unit_id, committee_kind, name, gender, phone, background, specialties,
         active, note FROM mediators WHERE deleted_at IS NULL`,
    )
    .all() as {
    id: string;
    org_unit_id: string;
    committee_kind: string;
    name: string;
    gender: 'male' | 'female' | null;
    phone: string | null;
    background: string;
    specialties: string;
    active: number;
    note: string | null;
  }[];
  return {
    entries: rows.map((row) => ({
      id: row.id,
      orgUnitCode: divisionCodeFromOrgUnitId(row.org_unit_id)!,
      committeeKind: row.committee_kind,
      name: row.name,
      gender: row.gender,
      phone: row.phone,
      background: row.background,
      specialties: JSON.parse(row.specialties) as string[],
      active: row.active === 1,
      note: row.note,
    })),
  };
}

/** A few residents (of names rare enough to list on one page) and cases, spread over the years. */
function probesOf(sqlite: BetterSqlite3.Database): Probes {
  return {
    residents: sqlite
      .prepare(
        `SELECT id, name FROM residents WHERE deleted_at IS NULL AND name IN
           (SELECT name FROM residents GROUP BY name HAVING count(*) <= 100)
         ORDER BY substr(id, -6) LIMIT 5`,
      )
      .all() as Probes['residents'],
    cases: sqlite
      .prepare(
        `SELECT id, case_no AS caseNo FROM cases WHERE deleted_at IS NULL
         ORDER BY substr(id, -6) LIMIT 5`,
      )
      .all() as Probes['cases'],
  };
}

async function publishReference(base: URL, token: string, sqlite: BetterSqlite3.Database) {
  const catalogue = JSON.parse(
    readFileSync(join(ROOT, 'resources/service-catalogue.json'), 'utf8'),
  ) as unknown;
  const publications: [string, unknown][] = [
    ['catalogue', catalogue],
    ['calendar', benchCalendar()],
    ['disputeTypes', benchDisputeTypes()],
    ['mediationReference', benchMediationReference()],
    ['roster', rosterOf(sqlite)],
  ];
  for (const [kind, payload] of publications) {
    const answer = await call(base, 'PUT', `/v1/admin/reference/${kind}`, token, {
      baseEdition: 0,
      payload,
    });
    if (answer.status !== 200)
      throw new Error(`publishing ${kind}: ${answer.status} ${answer.body}`);
  }
}

/** Runs the terminal's process to its end and reads its RESULT line. */
function runTerminal(args: string[]): { child: ChildProcess; result: Promise<TerminalResult> } {
  // Bundled, not under tsx: its RSS is then the backend's, as in the app (terminal-process.ts).
  const entry = bundleTerminal(join(__dirname, 'first-sync-terminal.ts'));
  const child = spawn(process.execPath, [...BACKEND_HEAP_START_FLAGS, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...backendMallocEnv() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const result = new Promise<TerminalResult>((done, fail) => {
    child.on('exit', (code) => {
      const line = out.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || !line) fail(new Error(`the terminal exited with ${code}:\n${out}`));
      else done(JSON.parse(line.slice('RESULT '.length)) as TerminalResult);
    });
  });
  return { child, result };
}

async function main(): Promise<void> {
  const sizes = sizesFromFlags();
  const bin = postgresBinariesOrExit('bench:first-sync');
  const dataDir = flag(
    'data',
    join(__dirname, 'data', sizes.scale === 1 ? 'township' : `township-${sizes.scale}`),
  );
  console.log(
    `基层一窗通 first-sync benchmark, ${new Date().toISOString()}: ${cpus().length} CPUs, load ${loadFigures()}`,
  );
  const manifest = await township(dataDir, sizes);
  const work = mkdtempSync(join(tmpdir(), 'bench-first-sync-'));
  let cluster: PostgresCluster | null = null;
  let hub: ChildProcess | null = null;
  let terminal: ChildProcess | null = null;
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    cluster = await startPostgresCluster(bin, { durable: true });
    const databaseUrl = await createHubDatabase(cluster.url);
    const started = await startDemoHub(databaseUrl, join(work, 'hub.log'));
    hub = started.child;
    const { base } = started;
    const centre = await call(base, 'POST', HUB_PATHS.enrol, null, {
      code: started.firstCode,
      appVersion: '0.1.0',
      hostname: 'COUNTY-01',
    });
    const centreToken = (JSON.parse(centre.body) as { token: string }).token;
    await publishReference(base, centreToken, sqlite);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const loaded = await loadTerminalIntoHub(sqlite, client, COUNTY, OUBEI);
    await client.end();
    const sourceTotal = [...loaded.source.values()].reduce((a, b) => a + b, 0);
    const seenTotal = [...loaded.seen.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${cluster.version}; hub loaded with ${sourceTotal} records (${loaded.feedRows} feed rows, ` +
        `${loaded.unrooted} without a root left out) in ${loaded.seconds.toFixed(1)} s; ` +
        `瓯北街道 sees ${seenTotal}`,
    );

    const issued = await call(base, 'POST', HUB_PATHS.adminEnrolmentCodes, centreToken, {
      orgUnitCode: OUBEI_CODE,
    });
    const code = (JSON.parse(issued.body) as { code: string }).code;
    const probesFile = join(work, 'probes.json');
    const probes = probesOf(sqlite);
    writeFileSync(probesFile, JSON.stringify(probes));

    const cpuBefore = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const wallStart = performance.now();
    const run = runTerminal([base.origin, code, join(work, 'terminal'), probesFile]);
    terminal = run.child;
    const result = await run.result;
    const wall = (performance.now() - wallStart) / 1000;
    const cpu = {
      hub: treeCpuSeconds(hub.pid!) - cpuBefore.hub,
      server: treeCpuSeconds(cluster.serverPid()) - cpuBefore.server,
    };
    report(loaded, result, probes, cpu, wall, FULL_SIZE.cases / manifest.options.cases);
  } finally {
    terminal?.kill('SIGTERM');
    hub?.kill('SIGTERM');
    cluster?.stop();
    sqlite.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(
  loaded: Awaited<ReturnType<typeof loadTerminalIntoHub>>,
  result: TerminalResult,
  probes: Probes,
  cpu: { hub: number; server: number },
  wall: number,
  toFull: number,
) {
  let rows = 0;
  let mismatches = 0;
  console.log('table                source  seen by 瓯北  on the terminal');
  for (const [table, seen] of loaded.seen) {
    const here = result.counts[table] ?? 0;
    rows += here;
    if (here !== seen) mismatches += 1;
    console.log(
      `${table.padEnd(20)} ${String(loaded.source.get(table)).padStart(7)} ${String(seen).padStart(12)} ` +
        `${String(here).padStart(16)}${here === seen ? '' : '  MISMATCH'}`,
    );
  }
  const perSecond = rows / result.pullSeconds;
  const verdict = (ok: boolean) => (ok ? '达标 OK' : '未达标 UNDER');
  console.log(
    `first sync: ${rows} rows on the terminal (${result.applied} applied, ${result.held} held back), ` +
      `${mismatches === 0 ? 'every table as the hub routes it' : `${mismatches} tables MISMATCH`}` +
      `${result.problem ? `; problem: ${result.problem}` : ''}`,
  );
  // Rows grow with the township: a smaller one says what the full one would take at the same rate.
  const full = rows * toFull;
  const projected = result.setupSeconds * toFull;
  console.log(
    `record pull ${result.pullSeconds.toFixed(1)} s = ${Math.round(perSecond)} rows/s ` +
      `(target ≥ ${TARGET_ROWS_PER_S}: ${verdict(perSecond >= TARGET_ROWS_PER_S)}); 完成设置 (the whole ` +
      `first cycle) ${result.setupSeconds.toFixed(1)} s; terminal process ${wall.toFixed(1)} s wall`,
  );
  console.log(
    `the full township (×${toFull.toFixed(1)}, about ${Math.round(full)} rows) at this rate: ` +
      `${projected.toFixed(0)} s (target ≤ ${TARGET_SECONDS} s: ${verdict(projected <= TARGET_SECONDS)})`,
  );
  const us = (seconds: number) => ((seconds * 1e6) / rows).toFixed(0);
  console.log(
    `CPU: terminal ${result.cpuSeconds.toFixed(1)} s (${us(result.cpuSeconds)} µs/row, the first cycle), ` +
      `hub ${cpu.hub.toFixed(1)} s (${us(cpu.hub)} µs/row), PostgreSQL ${cpu.server.toFixed(1)} s ` +
      `(${us(cpu.server)} µs/row); terminal peak RSS ${result.peakRssMb.toFixed(0)} MB; load ${loadFigures()}`,
  );
  console.log(
    `progress as the status bar shows it: ${result.progress
      .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 6)) === 0)
      .map((p) => `正在下载 ${p.applied} / 约 ${p.total} 条`)
      .join('; ')}`,
  );
  console.log(
    `searches: ${result.found.residents}/${probes.residents.length} residents by name, ` +
      `${result.found.cases}/${probes.cases.length} cases by number found`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
