/**
 * Issue 11's backup benchmark: the daily backup of the bench database runs as in the app (a worker
 * thread with its own connection: copy, quick_check, gzip, read back, rename, rotation) while the
 * clerk's usual requests go on (resident and case search, case list pages, intake saves). Prints
 * the requests' p50/p95/p99/max with no backup and during it, the backup's duration, and the
 * backup folder's size against the database's (its peak during the backup and after the rotation).
 * Run: npm run bench:generate (once), then npm run bench:backup [-- --data bench/data/township
 *      --pause 50 --seed 1]
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { MethodInput, MethodName } from '@shared/api';
import { backupFolderBytes, listBackups } from '../electron/backend/backup/backups';
import { databaseBytes, formatBytes } from '../electron/backend/backup/disk';
import { dailyBackupIfDue } from '../electron/backend/backup/service';
import { putSetting } from '../electron/backend/settings/repository';
import { Random } from './generate/random';
import { sampleApplications } from './lib/application-samples';
import { countFlag, flag } from './lib/args';
import { openBench } from './lib/open-bench';
import { formatMs, percentile } from './lib/stats';

const TARGET_P99_MS = 50;
const TARGET_FOLDER_SHARE = 3;
/** Requests measured before the backup, for comparison. */
const IDLE_REQUESTS = 200;

interface Request {
  kind: string;
  method: MethodName;
  input: unknown;
  token: string;
}

/**
 * The start-up daily backup is put off (its last time set to now, before the backend opens the
 * file), so that the measured one starts when the requests do rather than during sign-in.
 */
function holdStartUpBackup(dataDir: string): void {
  const db = new BetterSqlite3(join(dataDir, 'desk.sqlite'));
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('last_daily_backup_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(new Date().toISOString());
  db.close();
}

function line(name: string, sample: number[]): string {
  const p = (q: number) => formatMs(percentile(sample, q)).padStart(10);
  const max = Math.max(...sample);
  const verdict = percentile(sample, 99) < TARGET_P99_MS ? '达标 OK' : '超标 OVER';
  return `${name.padEnd(34)} n=${String(sample.length).padStart(5)}  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)}  max ${formatMs(max).padStart(10)}  target p99 < ${TARGET_P99_MS} ms  ${verdict}`;
}

async function main(): Promise<void> {
  const dataDir = flag('data', join(__dirname, 'data', 'township'));
  const pauseMs = countFlag('pause', 50);
  const random = new Random(countFlag('seed', 1));
  holdStartUpBackup(dataDir);
  const opened = await openBench(dataDir);
  const { backend, tokens, manifest } = opened;
  const rt = backend.runtime;
  const samples = sampleApplications(rt.sqlite, random, 200);
  const mix: (() => Request)[] = [
    () => ({
      kind: 'resident search',
      method: 'residents.search',
      input: { query: random.pick(samples.residentThree), page: 1, pageSize: 20 },
      token: tokens.clerk,
    }),
    () => ({
      kind: 'case search',
      method: 'cases.list',
      input: { query: random.pick(samples.caseTwo), page: 1, pageSize: 20 },
      token: tokens.clerk,
    }),
    () => ({
      kind: 'case list page',
      method: 'cases.list',
      input: { page: random.int(1, 50), pageSize: 20 } satisfies MethodInput<'cases.list'>,
      token: tokens.clerk,
    }),
    () => ({
      kind: 'intake save',
      method: 'cases.intake',
      input: random.pick(samples.intakes),
      token: tokens.clerk,
    }),
  ];
  const byKind = new Map<string, number[]>();
  let refused = 0;
  const issue = async (): Promise<number> => {
    const request = random.pick(mix)();
    const started = performance.now();
    const result = await backend.call({
      method: request.method,
      input: request.input,
      session: request.token,
    });
    const ms = performance.now() - started;
    if (!result.ok) refused += 1;
    const sample = byKind.get(request.kind) ?? [];
    sample.push(ms);
    byKind.set(request.kind, sample);
    return ms;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));

  const dbBytes = databaseBytes(rt.databaseFile);
  console.log(
    `基层一窗通 backup benchmark: ${manifest.counts.residents} residents, ${manifest.counts.cases} cases; database ${formatBytes(dbBytes)}; a request every ${pauseMs} ms; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}; ${new Date().toISOString()}`,
  );
  const idle: number[] = [];
  for (let i = 0; i < IDLE_REQUESTS; i++) {
    idle.push(await issue());
    await pause();
  }
  byKind.clear();

  await putSetting(rt.db, 'last_daily_backup_at', '2000-01-01T00:00:00.000Z');
  let peakFolder = backupFolderBytes(dataDir);
  const sampler = setInterval(() => {
    peakFolder = Math.max(peakFolder, backupFolderBytes(dataDir));
  }, 250);
  const during: number[] = [];
  const backupStarted = performance.now();
  let done = false;
  const daily = dailyBackupIfDue(rt).finally(() => {
    done = true;
  });
  while (!done) {
    during.push(await issue());
    await pause();
  }
  const backupMs = performance.now() - backupStarted;
  clearInterval(sampler);
  const backup = await daily;
  const folderAfter = backupFolderBytes(dataDir);

  console.log(line('requests, no backup running', idle));
  console.log(line('requests during the daily backup', during));
  for (const [kind, sample] of byKind) console.log(line(`  ${kind}`, sample));
  if (refused > 0) console.log(`${refused} requests were refused (counted in the timings)`);
  console.log(
    `daily backup: ${backup ? `${backup.name}, ${formatBytes(backup.sizeBytes)} compressed (${((100 * backup.sizeBytes) / dbBytes).toFixed(0)}% of the database)` : 'not taken'} in ${(backupMs / 1000).toFixed(1)} s`,
  );
  const share = (bytes: number) => (bytes / dbBytes).toFixed(2);
  console.log(
    `backup folder: peak ${formatBytes(peakFolder)} (${share(peakFolder)}× the database) during the backup, ${formatBytes(folderAfter)} (${share(folderAfter)}×) after the rotation, ${listBackups(dataDir).length} backups; target < ${TARGET_FOLDER_SHARE}×  ${peakFolder < TARGET_FOLDER_SHARE * dbBytes ? '达标 OK' : '超标 OVER'}`,
  );
  await backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
