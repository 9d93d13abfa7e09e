/**
 * The new terminal of bench:first-sync, in a process of its own so that its CPU and RSS are its
 * alone: joins the hub as the wizard does (加入县级平台, then 完成设置, whose first sync cycle pulls
 * the county's reference data, the unit's accounts and every record the unit sees), then counts what
 * it holds and searches as a clerk would. Prints one line, RESULT and JSON, for bench/first-sync.ts.
 * Run by it: tsx bench/first-sync-terminal.ts <hub url> <enrolment code> <data dir> <probes.json>
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SYNC_RECORD_TABLES } from '@shared/sync/records-contract';
import { tuneBackendHeap } from '../electron/backend/host/heap';
import { pullProgress } from '../electron/backend/hub/pull/pull';
import { ADMIN_PASSWORD, createHarness } from '../electron/backend/testing/harness';

export interface Probes {
  residents: { id: string; name: string }[];
  cases: { id: string; caseNo: string }[];
}

export interface TerminalResult {
  /** 完成设置 from the call to its answer: the whole first sync cycle. */
  setupSeconds: number;
  /** From the first record page applied to the pull's end, as the terminal's progress shows it. */
  pullSeconds: number;
  applied: number;
  held: number;
  /** Samples of the progress the status bar shows (正在下载 applied / 约 applied+remaining 条). */
  progress: { applied: number; total: number }[];
  cpuSeconds: number;
  peakRssMb: number;
  counts: Record<string, number>;
  found: { residents: number; cases: number };
  problem: string | null;
}

async function main(): Promise<void> {
  // As the app's backend entry does, so that the bench measures the heap the app runs with.
  tuneBackendHeap();
  const [hubUrl, code, dataDir, probesFile] = process.argv.slice(2);
  if (!hubUrl || !code || !dataDir || !probesFile)
    throw new Error('arguments: url code dir probes');
  const probes = JSON.parse(readFileSync(probesFile, 'utf8')) as Probes;
  const h = await createHarness({ dataDir, clock: { now: () => Date.now() } });
  const rt = h.backend.runtime;
  await h.ok('hub.join', { hubUrl, code });

  const samples: { applied: number; total: number }[] = [];
  let pullStart: number | null = null;
  let pullEnd: number | null = null;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const shown = pullProgress(rt);
      if (shown.running && shown.applied > 0) {
        pullStart ??= performance.now();
        const last = samples.at(-1);
        if (!last || shown.applied - last.applied >= 10_000) {
          samples.push({ applied: shown.applied, total: shown.applied + shown.remaining });
          const seconds = ((performance.now() - pullStart) / 1000).toFixed(0);
          console.error(
            `  ${seconds} s: 正在下载 ${shown.applied} / 约 ${shown.applied + shown.remaining} 条, ${shown.held} held`,
          );
        }
      } else if (pullStart !== null) {
        pullEnd ??= performance.now();
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  })();

  const cpu = process.cpuUsage();
  const started = performance.now();
  await h.ok('hub.completeSetup', {
    terminalName: '一号窗口',
    admin: { username: 'oubei_admin', displayName: '陈建国', password: ADMIN_PASSWORD },
  });
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  watching = false;
  await watch;
  const shown = pullProgress(rt);

  const sqlite = rt.sqlite;
  const counts: Record<string, number> = {};
  for (const table of SYNC_RECORD_TABLES) {
    counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  const token = (await h.ok('auth.signIn', { username: 'oubei_admin', password: ADMIN_PASSWORD }))
    .token;
  let residents = 0;
  for (const probe of probes.residents) {
    const found = await h.ok('residents.search', { query: probe.name, pageSize: 200 }, token);
    if (found.rows.some((row) => row.id === probe.id)) residents += 1;
  }
  let cases = 0;
  for (const probe of probes.cases) {
    const found = await h.ok('cases.list', { query: probe.caseNo }, token);
    if (found.rows.some((row) => row.id === probe.id)) cases += 1;
  }
  const status = await h.ok('hub.status', { refresh: false }, token);
  const result: TerminalResult = {
    setupSeconds: (ended - started) / 1000,
    pullSeconds: ((pullEnd ?? ended) - (pullStart ?? started)) / 1000,
    applied: shown.applied,
    held: shown.held,
    progress: samples,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    counts,
    found: { residents, cases },
    problem: status.lastSyncProblem ?? status.problem,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  await h.backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
