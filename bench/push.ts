/**
 * Issue 15's push benchmark: a township terminal pushes 100,000 case-sized records to the county
 * hub on loopback, then rounds of 100 changes. The hub runs as its own process on a throw-away
 * PostgreSQL cluster of this machine (Debian's postgresql, default durability), as in bench:pull.
 * The terminal is the real backend in a process of its own (bench/lib/terminal-process.ts), joined
 * to the hub as the wizard joins it; its change log is filled directly by the bench, as the counter's
 * use cases leave it (20% residents, 80% cases of those residents, one use case each), and hub/pusher.ts
 * sends it as the minute's cycle does. Prints records/s, the terminal process's RSS and CPU, the
 * hub's CPU, and the rounds' times.
 * Also prints the WAL PostgreSQL wrote during the large push, per record; `--pg-statements N` loads
 * pg_stat_statements and prints the N statements of that push that took the server the longest, and
 * of the rounds, with the statements a round sends.
 * Run: npm run bench:push [-- --records 100000 --rounds 20 --pg-statements 0]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DATABASE_FILE } from '../electron/backend/app/open-runtime';
import { createHarness } from '../electron/backend/testing/harness';
import { joinHub } from '../electron/backend/testing/hub-terminal';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import { countFlag } from './lib/args';
import { startDemoHub, createHubDatabase } from './lib/hub-process';
import {
  PG_STATEMENTS_SETTINGS,
  printStatements,
  statementCalls,
  statementsReset,
  walBytes,
} from './lib/pg-statements';
import { treeCpuSeconds } from './lib/process-cpu';
import { YANTOU, fillLog, logRows } from './lib/push-log';
import { formatMs, percentile } from './lib/stats';
import { startTerminalProcess, type TerminalProcess } from './lib/terminal-process';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

const TARGET_RECORDS_PER_S = 20_000;
const TARGET_ROUND_MS = 25;
const TARGET_RSS_MB = 150;

async function main(): Promise<void> {
  const total = countFlag('records', 100_000);
  const roundCount = countFlag('rounds', 20);
  const statements = countFlag('pg-statements', 0);
  const bin = postgresBinariesOrExit('bench:push');
  console.log(
    `基层一窗通 record push benchmark, ${new Date().toISOString()}: ${total} records, then ` +
      `${roundCount} rounds of 100; ${cpus().length} CPUs, load ${loadFigures()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'bench-push-'));
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
    console.log(cluster.version);

    const centre = await createHarness({ dataDir: join(work, 'centre') });
    terminal = await startTerminalProcess(join(work, 'terminal'));
    const centreAdmin = await joinHub(centre, started.base.origin, started.firstCode, {
      terminalName: '县中心',
    });
    const { code } = await centre.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    await centre.cleanup();
    await terminal.call('join', started.base.origin, code, 'yantou_admin');
    await terminal.call('push');
    console.log(`terminal joined: ${JSON.stringify(await terminal.call('memory', true))} MB`);

    const terminalId = await terminal.call('terminalId');
    const file = join(work, 'terminal', DATABASE_FILE);
    // Versions from a day back: the hub flags versions ahead of its clock.
    const clock = { wall: Date.now() - 86_400_000 };
    const fillStart = performance.now();
    for (let start = 0; start < total; start += 10_000) {
      fillLog(file, logRows(start, Math.min(10_000, total - start), terminalId, clock));
    }
    console.log(`log filled: ${JSON.stringify(await terminal.call('memory', true))} MB`);
    console.log(
      `change log filled with ${total} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
    );

    if (statements > 0) await statementsReset(databaseUrl);
    const walBefore = await walBytes(databaseUrl);
    const before = terminal.sample();
    const watch = terminal.watchRss();
    const cpuBefore = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    const pushStart = performance.now();
    // As the minute's cycle does, a failed run is tried again (counted and printed).
    const { value: outcome, peaks } = await terminal.call('pushWatched', 120_000);
    const failures: string[] = [];
    while (outcome.state === 'failed' && failures.length < 3) {
      failures.push(`${outcome.problem} after ${outcome.pushed}`);
      const again = await terminal.call('push', 120_000);
      Object.assign(outcome, {
        ...again,
        pushed: outcome.pushed + again.pushed,
        rejected: outcome.rejected + again.rejected,
      });
    }
    const seconds = (performance.now() - pushStart) / 1000;
    const peakRss = watch.stop();
    const after = terminal.sample();
    const cpu = {
      terminal: after.cpuSeconds - before.cpuSeconds,
      hub: treeCpuSeconds(hub.pid!) - cpuBefore.hub,
      server: treeCpuSeconds(cluster.serverPid()) - cpuBefore.server,
    };
    const wal = (await walBytes(databaseUrl)) - walBefore;
    if (failures.length > 0)
      console.log(`runs that failed and were tried again: ${failures.join('; ')}`);
    if (outcome.state !== 'done') {
      console.log(`the hub's log:\n${readFileSync(join(work, 'hub.log'), 'utf8').slice(-3000)}`);
    }
    const perSecond = outcome.pushed / seconds;
    console.log(
      `push: ${outcome.state}${outcome.problem ? ` (${outcome.problem})` : ''}, ${outcome.pushed} records ` +
        `(${outcome.rejected} refused) in ${seconds.toFixed(1)} s = ${Math.round(perSecond)} records/s ` +
        `(target ≥ ${TARGET_RECORDS_PER_S}: ${perSecond >= TARGET_RECORDS_PER_S ? '达标 OK' : '未达标 UNDER'}); load ${loadFigures()}`,
    );
    console.log(
      `RSS of the terminal's process: ${before.rssMb.toFixed(0)} MB before, peak ${peakRss.toFixed(0)} MB ` +
        `during the push (${watch.exact ? 'VmHWM, reset as it began' : 'sampled every 20 ms'}; ` +
        `VmHWM since start ${after.hwmMb.toFixed(0)} MB) ` +
        `(target < ${TARGET_RSS_MB} MB: ${peakRss < TARGET_RSS_MB ? '达标 OK' : '超标 OVER'}); ` +
        `peaks of its memory figures during the push: ${JSON.stringify(peaks)} MB; ` +
        `after it: ${JSON.stringify(await terminal.call('memory', false))} MB, ` +
        `after a full GC: ${JSON.stringify(await terminal.call('memory', true))} MB`,
    );
    // Waiting for a core costs time, not CPU: on a busy machine these say what an idle one would do.
    const perRecord = (cpuSeconds: number) => ((cpuSeconds / outcome.pushed) * 1e6).toFixed(0);
    console.log(
      `CPU during the push: terminal ${cpu.terminal.toFixed(2)} s (${perRecord(cpu.terminal)} µs a record), ` +
        `hub ${cpu.hub.toFixed(2)} s + PostgreSQL ${cpu.server.toFixed(2)} s ` +
        `(${perRecord(cpu.hub)} + ${perRecord(cpu.server)} = ${perRecord(cpu.hub + cpu.server)} µs a record), ` +
        `wall ${seconds.toFixed(1)} s`,
    );
    console.log(
      `WAL written by PostgreSQL during the push: ${(wal / 1e6).toFixed(1)} MB ` +
        `(${Math.round(wal / Math.max(1, outcome.pushed))} bytes a record)`,
    );
    if (statements > 0) await printStatements(databaseUrl, statements, outcome.pushed, 'record');

    if (statements > 0) await statementsReset(databaseUrl);
    const rounds: number[] = [];
    const roundCpu = terminal.sample().cpuSeconds;
    const roundCpuBefore = {
      hub: treeCpuSeconds(hub.pid!),
      server: treeCpuSeconds(cluster.serverPid()),
    };
    for (let round = 0; round < roundCount; round += 1) {
      fillLog(file, logRows(total + round * 100, 100, terminalId, clock));
      const roundStart = performance.now();
      const answer = await terminal.call('push');
      rounds.push(performance.now() - roundStart);
      if (answer.pushed !== 100) throw new Error(`round ${round}: ${answer.pushed} pushed`);
    }
    const p99 = percentile(rounds, 99);
    const perRound = (cpuSeconds: number) =>
      ((cpuSeconds / Math.max(1, roundCount)) * 1000).toFixed(1);
    console.log(
      `rounds of 100 changes (read, send, hub commit, marked pushed): n=${rounds.length} ` +
        `p50 ${formatMs(percentile(rounds, 50))} p99 ${formatMs(p99)} max ${formatMs(Math.max(...rounds))} ` +
        `(target < ${TARGET_ROUND_MS} ms: ${p99 < TARGET_ROUND_MS ? '达标 OK' : '超标 OVER'}); ` +
        `CPU a round: terminal ${perRound(terminal.sample().cpuSeconds - roundCpu)} ms, ` +
        `hub ${perRound(treeCpuSeconds(hub.pid!) - roundCpuBefore.hub)} ms, ` +
        `PostgreSQL ${perRound(treeCpuSeconds(cluster.serverPid()) - roundCpuBefore.server)} ms; ` +
        `load ${loadFigures()}`,
    );
    if (statements > 0) {
      const calls = await statementCalls(databaseUrl);
      console.log(
        `  statements a round, BEGIN and COMMIT included: ${(calls / roundCount).toFixed(1)}`,
      );
      await printStatements(databaseUrl, statements, roundCount, 'round');
    }

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
