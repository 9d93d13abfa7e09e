/**
 * Issue 15's hub push benchmark, on a real PostgreSQL server of this machine (a throw-away cluster,
 * default durability) with the hub as its own process, as bench:hub-poll runs it.
 *
 * 1. Rounds: N terminals (townships' windows and villages of a realistic county) each push a round of
 *    5–20 entries once a minute: new counter cases (resident, case, materials, timeline), steps on
 *    cases filed before, and villages' hand-overs to their township. Terminal i pushes at
 *    i × 60 s / N and every 60 s after, each push on a new connection, sent on schedule whatever the
 *    answers before it. Target: p99 push latency < 200 ms.
 * 2. Ingest: K terminals push batches of B entries back to back for S seconds, and every tenth batch
 *    is sent a second time after its answer (a cut after the commit). Target: ≥ 5,000 entries/s.
 * At the end, exactly once: the hub's records, progress rows and feed are counted against what was
 * sent. Exits non-zero when PostgreSQL is not installed.
 * Run: npm run bench:hub-push [-- --terminals 2000 --minutes 2 --interval 60 --ingest-terminals 20
 *      --ingest-batch 500 --ingest-seconds 30 --db-pool 10 --log-level warn --pg-statements 0]
 * `--pg-statements N` loads pg_stat_statements and prints the N statements that took PostgreSQL the
 * most time during the ingest, to see where the server's share of an entry goes.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SYNC_PATHS, type PushEntry, type PushResponse } from '@shared/sync/records-contract';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import {
  TerminalLog,
  caseEventRow,
  caseRow,
  insert,
  materialRow,
  resident,
  update,
} from '../upstream/test/terminal-log';
import { countFlag, flag } from './lib/args';
import { BENCH_COUNTY, benchOrgTree } from './lib/hub-county';
import { call, enrolBenchTerminals, startHub, createHubDatabase } from './lib/hub-process';
import {
  PG_STATEMENTS_SETTINGS,
  printStatements,
  statementCalls,
  statementsReset,
} from './lib/pg-statements';
import { treeCpuSeconds } from './lib/process-cpu';
import { formatMs, percentile } from './lib/stats';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

const TARGET_P99_MS = 200;
const TARGET_ENTRIES_PER_S = 5000;

/** A terminal of the bench with its log and the cases it may still step on or hand over. */
interface BenchTerminal {
  token: string;
  log: TerminalLog;
  unitId: string;
  parentId: string | null;
  village: boolean;
  open: string[];
  /** Entries decided so far and records created by them, for the exactly-once check. */
  sent: number;
  created: number;
  /** Rounds not yet decided (a failed push): sent again before the next round, in order. */
  backlog: Round[];
}

interface Round {
  entries: PushEntry[];
  /** Records the round creates. */
  created: number;
}

/** A counter case filed in two use cases: the resident, then the case with materials and timeline. */
function newCase(t: BenchTerminal): PushEntry[] {
  const residentId = randomUUID();
  const caseId = randomUUID();
  t.open.push(caseId);
  return [
    ...t.log.tx(insert('residents', residentId, resident())),
    ...t.log.tx(
      insert('cases', caseId, caseRow(residentId, t.village ? { agency_org_id: t.unitId } : {})),
      insert('case_materials', randomUUID(), materialRow(caseId, 1)),
      insert('case_materials', randomUUID(), materialRow(caseId, 2)),
      insert('case_events', randomUUID(), caseEventRow(caseId)),
    ),
  ];
}

/** A step on a case filed before (a new timeline record); a village hands it to its township. */
function step(t: BenchTerminal): PushEntry[] {
  const caseId = t.open[Math.floor(Math.random() * t.open.length)]!;
  if (t.village && t.parentId) {
    t.open.splice(t.open.indexOf(caseId), 1);
    return t.log.tx(
      update('cases', caseId, {
        org_unit_id: t.parentId,
        handed_over_at: new Date().toISOString(),
      }),
      insert('case_events', randomUUID(), {
        ...caseEventRow(caseId, 'hand_over'),
        org_unit_id: t.parentId,
      }),
    );
  }
  return t.log.tx(
    update('cases', caseId, { state: 'accepted', accepted_at: new Date().toISOString() }),
    insert('case_events', randomUUID(), caseEventRow(caseId, 'accept')),
  );
}

function round(t: BenchTerminal, size: number): Round {
  const entries: PushEntry[] = [];
  let created = 0;
  while (entries.length < size) {
    const stepping = t.open.length > 0 && Math.random() < 0.4;
    entries.push(...(stepping ? step(t) : newCase(t)));
    created += stepping ? 1 : 5;
  }
  return { entries, created };
}

async function push(base: URL, t: BenchTerminal, entries: PushEntry[]) {
  const answer = await call(base, 'POST', SYNC_PATHS.push, t.token, {
    epoch: t.log.epoch,
    entries,
  });
  const body = answer.status === 200 ? (JSON.parse(answer.body) as PushResponse) : null;
  return { ...answer, answer: body };
}

/** The terminal's next round, after whatever earlier rounds were not decided. */
async function pushRound(base: URL, t: BenchTerminal, size: number) {
  t.backlog.push(round(t, size));
  const entries = t.backlog.flatMap((r) => r.entries);
  const answer = await push(base, t, entries);
  if (answer.answer) {
    t.created += t.backlog.reduce((sum, r) => sum + r.created, 0);
    t.sent = answer.answer.decidedThrough;
    t.backlog = [];
  }
  return { ...answer, entries };
}

function line(name: string, sample: number[]): string {
  if (sample.length === 0) return `${name.padEnd(36)} n=    0`;
  const p = (q: number) => formatMs(percentile(sample, q)).padStart(9);
  const p99 = percentile(sample, 99);
  return `${name.padEnd(36)} n=${String(sample.length).padStart(5)}  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)}  max ${formatMs(Math.max(...sample)).padStart(9)}  target p99 < ${TARGET_P99_MS} ms  ${p99 < TARGET_P99_MS ? '达标 OK' : '超标 OVER'}`;
}

async function enrolTerminals(databaseUrl: string, count: number): Promise<BenchTerminal[]> {
  const enrolled = await enrolBenchTerminals(databaseUrl, count);
  return enrolled.map((terminal) => ({
    token: terminal.token,
    log: new TerminalLog(terminal.terminalId, terminal.orgUnit.id),
    unitId: terminal.orgUnit.id,
    parentId: terminal.orgUnit.parentId,
    village: terminal.orgUnit.level === 'village',
    open: [],
    sent: 0,
    created: 0,
    backlog: [],
  }));
}

async function rounds(base: URL, terminals: BenchTerminal[], minutes: number, intervalMs: number) {
  const latencies: number[][] = Array.from({ length: minutes }, () => []);
  const errors = new Map<string, number>();
  let entries = 0;
  let rejections = 0;
  const pending: Promise<void>[] = [];
  const total = terminals.length * minutes;
  const t0 = performance.now();
  let sent = 0;
  while (sent < total) {
    const now = performance.now() - t0;
    while (sent < total) {
      const minute = Math.floor(sent / terminals.length);
      const i = sent % terminals.length;
      const due = minute * intervalMs + (i * intervalMs) / terminals.length;
      if (due > now) break;
      pending.push(
        pushRound(base, terminals[i]!, 5 + Math.floor(Math.random() * 16)).then((answer) => {
          if (!answer.answer) {
            const what = `push ${answer.status} ${answer.body.slice(0, 80)}`;
            errors.set(what, (errors.get(what) ?? 0) + 1);
            return;
          }
          entries += answer.entries.length;
          latencies[minute]!.push(answer.ms);
          rejections += answer.answer.rejections.length;
        }),
      );
      sent += 1;
    }
    await new Promise((wait) => setTimeout(wait, 2));
  }
  await Promise.all(pending);
  return { latencies, errors, entries, rejections, seconds: (performance.now() - t0) / 1000 };
}

/** K terminals pushing B entries at a time, one request in flight each, for S seconds. */
async function ingest(base: URL, terminals: BenchTerminal[], batch: number, seconds: number) {
  let entries = 0;
  let repeats = 0;
  let failures = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    terminals.map(async (t) => {
      let n = 0;
      while (performance.now() - t0 < seconds * 1000) {
        const answer = await pushRound(base, t, batch);
        if (!answer.answer) {
          failures += 1;
          continue;
        }
        latencies.push(answer.ms);
        entries += answer.entries.length;
        n += 1;
        if (n % 10 === 0) {
          const again = await push(base, t, answer.entries);
          if (again.answer?.decidedThrough !== t.sent) failures += 1;
          repeats += 1;
        }
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  return { entries, repeats, failures, latencies, wall };
}

async function exactlyOnce(databaseUrl: string, terminals: BenchTerminal[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async (text: string) => Number((await client.query(text)).rows[0].n);
  const records = await one(
    `SELECT count(*) AS n FROM sync_records WHERE county_code = '${BENCH_COUNTY.code}'`,
  );
  const decided = await one(
    `SELECT coalesce(sum(last_seq), 0) AS n FROM sync_terminal_progress WHERE county_code = '${BENCH_COUNTY.code}'`,
  );
  const rejections = await one(
    `SELECT count(*) AS n FROM sync_rejections WHERE county_code = '${BENCH_COUNTY.code}'`,
  );
  const feed = await one(
    `SELECT count(*) AS n FROM sync_feed WHERE county_code = '${BENCH_COUNTY.code}'`,
  );
  await client.end();
  const created = terminals.reduce((sum, t) => sum + t.created, 0);
  const sent = terminals.reduce((sum, t) => sum + t.sent, 0);
  // A step writes one new record (its timeline event); a new case five.
  return { records, created, decided, sent, rejections, feed };
}

async function main(): Promise<void> {
  const count = countFlag('terminals', 2000);
  const minutes = countFlag('minutes', 2);
  const intervalMs = countFlag('interval', 60) * 1000;
  const ingestTerminals = countFlag('ingest-terminals', 20);
  const ingestBatch = countFlag('ingest-batch', 500);
  const ingestSeconds = countFlag('ingest-seconds', 30);
  const pool = countFlag('db-pool', 10);
  const logLevel = flag('log-level', 'warn');
  const statements = countFlag('pg-statements', 0);
  const bin = postgresBinariesOrExit('bench:hub-push');
  console.log(
    `基层一窗通 county hub push benchmark, ${new Date().toISOString()}: ${count} terminals, ` +
      `${minutes} min of rounds, ingest ${ingestTerminals} × ${ingestBatch} for ${ingestSeconds} s, ` +
      `hub pool ${pool}; ${cpus().length} CPUs, load ${loadFigures()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'hub-push-'));
  let cluster: PostgresCluster | null = null;
  let hub: ChildProcess | null = null;
  try {
    cluster = await startPostgresCluster(bin, {
      durable: true,
      settings: statements > 0 ? PG_STATEMENTS_SETTINGS : [],
    });
    const databaseUrl = await createHubDatabase(cluster.url);
    console.log(`${cluster.version}, fsync and synchronous_commit on (the defaults)`);
    const treeFile = join(work, 'org-tree.json');
    writeFileSync(treeFile, JSON.stringify({ nodes: benchOrgTree() }));
    const started = await startHub(databaseUrl, treeFile, join(work, 'hub.log'), pool, logLevel);
    hub = started.child;
    const { base } = started;

    const enrolStarted = performance.now();
    const terminals = await enrolTerminals(databaseUrl, count);
    console.log(
      `enrolled ${count} terminals in ${((performance.now() - enrolStarted) / 1000).toFixed(1)} s; load ${loadFigures()}`,
    );

    const cpuBefore = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const scheduled = await rounds(base, terminals, minutes, intervalMs);
    const cpu = {
      hub: treeCpuSeconds(hub.pid!) - cpuBefore.hub,
      server: treeCpuSeconds(cluster.serverPid()) - cpuBefore.server,
    };
    console.log(`\nrounds of 5–20 entries, each push on a new connection, latency from the send:`);
    scheduled.latencies.forEach((sample, minute) =>
      console.log(line(`  minute ${minute + 1}`, sample)),
    );
    console.log(line('  all pushes', scheduled.latencies.flat()));
    const pushes = scheduled.latencies.flat().length;
    console.log(
      `  ${scheduled.entries} entries in ${pushes} pushes over ${scheduled.seconds.toFixed(0)} s; ` +
        `rejections ${scheduled.rejections}; CPU hub ${cpu.hub.toFixed(1)} s, PostgreSQL ${cpu.server.toFixed(1)} s ` +
        `(${((cpu.hub * 1000) / Math.max(1, pushes)).toFixed(2)} + ${((cpu.server * 1000) / Math.max(1, pushes)).toFixed(2)} ms a push); load ${loadFigures()}`,
    );
    const errorList = [...scheduled.errors].map(([what, n]) => `${what}: ${n}`).join(', ');
    console.log(`  errors: ${errorList || 'none'}`);

    if (statements > 0) await statementsReset(databaseUrl);
    const ingestCpu = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const ingested = await ingest(
      base,
      terminals.slice(0, ingestTerminals),
      ingestBatch,
      ingestSeconds,
    );
    const rate = ingested.entries / ingested.wall;
    console.log(
      `\ningest: ${ingested.entries} entries in ${ingested.wall.toFixed(1)} s = ${rate.toFixed(0)} entries/s ` +
        `(target ≥ ${TARGET_ENTRIES_PER_S}: ${rate >= TARGET_ENTRIES_PER_S ? '达标 OK' : '未达标 UNDER'}); ` +
        `push of ${ingestBatch}: p50 ${formatMs(percentile(ingested.latencies, 50))}, p99 ${formatMs(percentile(ingested.latencies, 99))}; ` +
        `${ingested.repeats} batches sent twice, failures ${ingested.failures}; load ${loadFigures()}`,
    );
    const perEntry = (seconds: number) =>
      ((seconds * 1e6) / Math.max(1, ingested.entries)).toFixed(0);
    console.log(
      `  CPU per entry: hub ${perEntry(treeCpuSeconds(hub.pid!) - ingestCpu.hub)} µs, ` +
        `PostgreSQL ${perEntry(treeCpuSeconds(cluster.serverPid()) - ingestCpu.server)} µs`,
    );
    if (statements > 0) {
      const pushes = ingested.latencies.length + ingested.repeats;
      const calls = await statementCalls(databaseUrl);
      console.log(
        `  statements (round trips to PostgreSQL) a push: ${(calls / Math.max(1, pushes)).toFixed(1)}`,
      );
      await printStatements(databaseUrl, statements, ingested.entries, 'entry');
    }

    const check = await exactlyOnce(databaseUrl, terminals);
    const once = check.records === check.created && check.decided === check.sent;
    console.log(
      `\nexactly once: records on the hub ${check.records} (created ${check.created}), entries decided ` +
        `${check.decided} (answered ${check.sent}), rejections ${check.rejections}, feed rows ${check.feed}: ` +
        `${once && check.rejections === 0 ? 'OK' : 'MISMATCH'}`,
    );
  } finally {
    if (hub && hub.exitCode === null) {
      hub.kill('SIGTERM');
      await new Promise((done) => hub!.once('exit', done));
    }
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
