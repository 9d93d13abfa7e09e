/**
 * Issue 14's hub benchmark: 2,000 terminals each asking the county hub for its reference manifest once a
 * minute, on a real PostgreSQL server of this machine. Starts a throw-away cluster (Debian's
 * postgresql: initdb + pg_ctl, default durability), runs the hub as its own process (`npm run hub`'s
 * entry with DATABASE_URL), publishes a realistic county (bench/lib/hub-county.ts), enrols the
 * terminals and then keeps to the schedule: terminal i polls at i × 60 s / 2,000 and every 60 s after,
 * each poll on a new connection (a minute is longer than any keep-alive). At the start of the second
 * minute the county publishes a new catalogue, so every terminal pulls the whole edition on its next
 * poll, as the sync cycle would. Requests are sent at their planned time whatever the answers before
 * them, so a slow hub cannot slow the load down. Prints p50/p95/p99/max per minute, the pulls and the
 * errors. Exits non-zero when PostgreSQL is not installed.
 * Run: npm run bench:hub-poll [-- --terminals 2000 --minutes 3 --interval 60 --db-pool 10 --log-level info]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { REFERENCE_PATHS, type ReferenceManifest } from '@shared/sync/reference-contract';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import {
  benchCalendar,
  benchCatalogue,
  benchDisputeTypes,
  benchMediationReference,
  benchOrgTree,
  benchRoster,
} from './lib/hub-county';
import { countFlag, flag } from './lib/args';
import {
  call,
  enrolBenchTerminals,
  startHub,
  type Answer,
  createHubDatabase,
} from './lib/hub-process';
import { treeCpuSeconds } from './lib/process-cpu';
import { formatMs, percentile } from './lib/stats';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

const TARGET_P99_MS = 50;

function line(name: string, sample: number[], target: number | null): string {
  if (sample.length === 0) return `${name.padEnd(44)} n=    0`;
  const p = (q: number) => formatMs(percentile(sample, q)).padStart(9);
  const verdict =
    target === null
      ? 'no target'
      : `target p99 < ${target} ms  ${percentile(sample, 99) < target ? '达标 OK' : '超标 OVER'}`;
  return `${name.padEnd(44)} n=${String(sample.length).padStart(5)}  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)}  max ${formatMs(Math.max(...sample)).padStart(9)}  ${verdict}`;
}

async function main(): Promise<void> {
  const terminals = countFlag('terminals', 2000);
  const minutes = countFlag('minutes', 3);
  const pool = countFlag('db-pool', 10);
  const logLevel = flag('log-level', 'info');
  // A terminal's sync cycle; shorter only to try the bench out quickly.
  const POLL_INTERVAL_MS = countFlag('interval', 60) * 1000;
  const bin = postgresBinariesOrExit('bench:hub-poll');
  console.log(
    `基层一窗通 county hub polling benchmark, ${new Date().toISOString()}: ${terminals} terminals, ` +
      `${minutes} min, hub pool ${pool}, LOG_LEVEL ${logLevel}; ${cpus().length} CPUs, load ${loadFigures()}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'hub-poll-'));
  let cluster: PostgresCluster | null = null;
  let hub: ChildProcess | null = null;
  try {
    cluster = await startPostgresCluster(bin, { durable: true });
    const databaseUrl = await createHubDatabase(cluster.url);
    console.log(`${cluster.version}, fsync and synchronous_commit on (the defaults)`);

    const units = benchOrgTree();
    const treeFile = join(work, 'org-tree.json');
    writeFileSync(treeFile, JSON.stringify({ nodes: units }));
    const started = await startHub(databaseUrl, treeFile, join(work, 'hub.log'), pool, logLevel);
    hub = started.child;
    const { base } = started;
    const countyAnswer = await call(base, 'POST', HUB_PATHS.enrol, null, {
      code: started.firstCode,
      appVersion: '0.1.0',
      hostname: 'COUNTY-01',
    });
    const county = JSON.parse(countyAnswer.body) as { token: string };

    const catalogue = benchCatalogue('2026.1');
    const roster = benchRoster(units);
    const publications: [string, unknown][] = [
      ['catalogue', catalogue],
      ['calendar', benchCalendar()],
      ['disputeTypes', benchDisputeTypes()],
      ['mediationReference', benchMediationReference()],
      ['roster', roster],
    ];
    console.log(
      `county: ${units.length - 1} units below the county (${units.filter((u) => u.level === 'township').length} townships), ` +
        `${catalogue.items.length} catalogue items, ${Object.keys(benchCalendar().years).length} calendar years, ${roster.entries.length} roster entries`,
    );
    for (const [kind, payload] of publications) {
      const body = { baseEdition: 0, payload };
      const answer = await call(base, 'PUT', `/v1/admin/reference/${kind}`, county.token, body);
      if (answer.status !== 200) throw new Error(`publishing ${kind}: ${answer.status}`);
      const size = Buffer.byteLength(JSON.stringify(body));
      console.log(
        `  published ${kind.padEnd(18)} ${(size / 1024).toFixed(0).padStart(5)} KiB body, ${formatMs(answer.ms)}`,
      );
    }

    const enrolStarted = performance.now();
    const tokens = (await enrolBenchTerminals(databaseUrl, terminals)).map((t) => t.token);
    console.log(
      `enrolled ${terminals} terminals in ${((performance.now() - enrolStarted) / 1000).toFixed(1)} s`,
    );

    const first = await call(base, 'GET', REFERENCE_PATHS.manifest, county.token);
    const manifestAtStart = JSON.parse(first.body) as ReferenceManifest;
    const known = new Array<number>(terminals).fill(manifestAtStart.editions.catalogue ?? 0);
    const polls: number[][] = Array.from({ length: minutes }, () => []);
    const pulls: number[] = [];
    const lateness: number[] = [];
    const errors = new Map<string, number>();
    const countError = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
    let pullBytes = 0;
    let inFlight = 0;
    let mostInFlight = 0;

    const terminalUpdates = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const result = await client.query<{ n: string }>(
        "SELECT n_tup_upd::text AS n FROM pg_stat_user_tables WHERE relname = 'terminals'",
      );
      await client.end();
      return Number(result.rows[0]?.n ?? 0);
    };
    const updatesBefore = await terminalUpdates();
    console.log(`load before polling: ${loadFigures()}`);

    const poll = async (i: number, minute: number) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answer = await call(base, 'GET', REFERENCE_PATHS.manifest, tokens[i]!);
      if (answer.status !== 200) {
        countError(`manifest ${answer.status}`);
        inFlight -= 1;
        return;
      }
      polls[minute]!.push(answer.ms);
      const manifest = JSON.parse(answer.body) as ReferenceManifest;
      const latest = manifest.editions.catalogue ?? 0;
      if (latest > known[i]!) {
        const pull = await call(base, 'GET', REFERENCE_PATHS.edition('catalogue'), tokens[i]!);
        if (pull.status === 200) {
          pulls.push(pull.ms);
          pullBytes = pull.bytes;
          known[i] = latest;
        } else countError(`catalogue pull ${pull.status}`);
      }
      inFlight -= 1;
    };

    const hubPid = hub.pid!;
    const serverPid = cluster.serverPid();
    const cpuBefore = { hub: treeCpuSeconds(hubPid), server: treeCpuSeconds(serverPid) };
    const total = terminals * minutes;
    const pending: Promise<void>[] = [];
    const t0 = performance.now();
    let sent = 0;
    let republished: Promise<Answer> | null = null;
    while (sent < total) {
      const now = performance.now() - t0;
      if (republished === null && minutes > 1 && now >= POLL_INTERVAL_MS) {
        // The county's second catalogue edition: every terminal pulls it in the minute after.
        republished = call(base, 'PUT', REFERENCE_PATHS.publish('catalogue'), county.token, {
          baseEdition: manifestAtStart.editions.catalogue,
          payload: benchCatalogue('2026.2'),
        });
      }
      while (sent < total) {
        const minute = Math.floor(sent / terminals);
        const i = sent % terminals;
        const due = minute * POLL_INTERVAL_MS + (i * POLL_INTERVAL_MS) / terminals;
        if (due > now) break;
        lateness.push(now - due);
        pending.push(poll(i, minute));
        sent += 1;
      }
      await new Promise((wait) => setTimeout(wait, 2));
    }
    await Promise.all(pending);
    const wallSeconds = (performance.now() - t0) / 1000;
    const cpu = {
      hub: treeCpuSeconds(hubPid) - cpuBefore.hub,
      server: treeCpuSeconds(serverPid) - cpuBefore.server,
    };
    const publishAnswer = republished ? await republished : null;
    const updatesDuring = (await terminalUpdates()) - updatesBefore;

    console.log(`load after polling: ${loadFigures()}`);
    console.log(
      `\nmanifest polls (GET ${REFERENCE_PATHS.manifest}), each on a new connection, latency measured from the send:`,
    );
    polls.forEach((sample, minute) => {
      const what =
        minute === 1 && minutes > 1
          ? `minute ${minute + 1} (after a publish)`
          : `minute ${minute + 1}`;
      console.log(line(`  ${what}`, sample, TARGET_P99_MS));
    });
    console.log(line('  all polls', polls.flat(), TARGET_P99_MS));
    console.log(
      line(`  catalogue pulls (${(pullBytes / 1024).toFixed(0)} KiB gzipped each)`, pulls, null),
    );
    if (publishAnswer) {
      console.log(
        `  the second catalogue publish: ${publishAnswer.status}, ${formatMs(publishAnswer.ms)}`,
      );
    }
    console.log(
      `  sends behind schedule: p99 ${formatMs(percentile(lateness, 99))}, max ${formatMs(Math.max(...lateness))}; ` +
        `most requests in flight at once: ${mostInFlight}`,
    );
    console.log(
      `  rows of terminals updated while polling: ${updatesDuring} (${total} polls${pulls.length ? ` and ${pulls.length} pulls` : ''})`,
    );
    const requests = total + pulls.length;
    const cpuLine = (what: string, seconds: number) =>
      `${what} ${seconds.toFixed(1)} s (${((seconds * 1000) / requests).toFixed(2)} ms a request, ${((seconds / wallSeconds) * 100).toFixed(1)}% of one core)`;
    console.log(
      `  CPU while polling (${requests} requests in ${wallSeconds.toFixed(0)} s): ${cpuLine('hub', cpu.hub)}; ${cpuLine('PostgreSQL', cpu.server)}`,
    );
    const errorList = [...errors].map(([what, n]) => `${what}: ${n}`).join(', ');
    console.log(`  errors: ${errorList || 'none'}`);
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
