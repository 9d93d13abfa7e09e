/**
 * Issue 15 quotes PouchDB's replication of the sync benchmarks' records beside its ≥ 20,000 records/s
 * target; this measures it here. The records are bench:pull's and bench:push's (bench/lib/pull-records.ts:
 * 20% residents, 80% cases of those residents, each its terminal row's columns), one PouchDB document
 * each. Push: a local LevelDB PouchDB (filled first, not timed) replicates to express-pouchdb over
 * HTTP on loopback (its own process, LevelDB too); pull: a fresh local PouchDB replicates the server's
 * database. Each job runs in a process of its own, the server restarted for each, so that CPU and
 * peak RSS are the job's. Prints records/s, CPU a record of each side, peak RSS, medians over the runs.
 * PouchDB lives in bench/pouchdb/node_modules, installed from its lockfile on first use: the app's
 * dependencies do not grow. Linux only (CPU and RSS come from /proc), as the other sync benches.
 * Run: npm run bench:pouchdb [-- --records 100000 --runs 3 --batches 100x10,1000x10 --ours]
 *   --batches  batch_size x batches_limit of each configuration (PouchDB's default is 100x10)
 *   --ours     then runs bench:push and bench:pull once each and prints their figures beside
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countFlag, flag } from '../lib/args';
import { treeCpuSeconds } from '../lib/process-cpu';
import { pullBenchRecords } from '../lib/pull-records';
import { percentile } from '../lib/stats';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const ITEM = {
  id: '00000000-0000-4000-8000-000000000003',
  versionId: '00000000-0000-4000-8000-000000000004',
  name: '城乡居民基本养老保险参保登记',
};
const UNITS = {
  township: '00000000-0000-4000-8000-000000000010',
  village: '00000000-0000-4000-8000-000000000011',
};

interface JobResult {
  docs: number;
  docCount: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

interface Measure {
  perSecond: number;
  clientUs: number;
  serverUs: number;
  clientRssMb: number;
  serverRssMb: number;
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

function uptime(): string {
  return spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
}

function installPouchDB(): void {
  if (existsSync(join(HERE, 'node_modules'))) return;
  console.log('installing PouchDB into bench/pouchdb/node_modules (npm ci, once)');
  const done = spawnSync('npm', ['ci', '--prefix', HERE, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (done.status !== 0) throw new Error('npm ci in bench/pouchdb failed');
}

/** Runs replicate.mjs and returns its JSON line. */
function runJob(args: string[]): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'replicate.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`replicate.mjs ${args[0]} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as JobResult);
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

function startServer(folder: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'server.mjs'), folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', reject);
    child.stdout!.once('data', (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString().split('\n')[0]!) as { port: number };
      resolve({
        child,
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

function peakRssMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** One direction against a freshly started server: its CPU and peak RSS are the job's alone. */
async function measure(
  serverFolder: string,
  job: (url: string) => Promise<JobResult>,
  total: number,
): Promise<Measure> {
  const server = await startServer(serverFolder);
  try {
    const cpuBefore = treeCpuSeconds(server.child.pid!);
    const result = await job(server.url);
    const serverCpu = treeCpuSeconds(server.child.pid!) - cpuBefore;
    if (result.docs !== total || result.docCount !== total) {
      throw new Error(`expected ${total} documents, got ${JSON.stringify(result)}`);
    }
    return {
      perSecond: total / result.seconds,
      clientUs: (result.cpuSeconds / total) * 1e6,
      serverUs: (serverCpu / total) * 1e6,
      clientRssMb: result.peakRssMb,
      serverRssMb: peakRssMb(server.child.pid!),
    };
  } finally {
    await server.stop();
  }
}

function describe(m: Measure): string {
  return (
    `${Math.round(m.perSecond)} records/s; CPU a record: client ${m.clientUs.toFixed(0)} µs, ` +
    `server ${m.serverUs.toFixed(0)} µs; peak RSS client ${m.clientRssMb.toFixed(0)} MB, ` +
    `server ${m.serverRssMb.toFixed(0)} MB`
  );
}

function median(measures: Measure[]): Measure {
  const of = (key: keyof Measure) =>
    percentile(
      measures.map((m) => m[key]),
      50,
    );
  return {
    perSecond: of('perSecond'),
    clientUs: of('clientUs'),
    serverUs: of('serverUs'),
    clientRssMb: of('clientRssMb'),
    serverRssMb: of('serverRssMb'),
  };
}

/** Runs one of our own benchmarks and keeps the lines that carry its figures. */
function ours(script: 'bench:push' | 'bench:pull', total: number): string[] {
  console.log(`running npm run ${script} -- --records ${total} (${uptime()})`);
  const done = spawnSync('npm', ['run', '--silent', script, '--', '--records', String(total)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const wanted = /^(push:|pull:|RSS of|CPU during|rounds of|exactly once)/;
  const lines = done.stdout.split('\n').filter((line) => wanted.test(line));
  if (done.status !== 0) lines.push(`${script} failed: ${done.stderr.slice(-500)}`);
  return lines.map((line) => `  ${script}: ${line}`);
}

async function main(): Promise<void> {
  const total = countFlag('records', 100_000);
  const runs = countFlag('runs', 3);
  const configs = flag('batches', '100x10')
    .split(',')
    .map((text) => {
      const [size, limit] = text.split('x').map(Number);
      if (!Number.isInteger(size) || !Number.isInteger(limit)) {
        throw new Error(`--batches takes batch_size x batches_limit, such as 100x10: ${text}`);
      }
      return { size: size!, limit: limit! };
    });
  installPouchDB();
  const { version } = JSON.parse(
    readFileSync(join(HERE, 'node_modules', 'pouchdb-node', 'package.json'), 'utf8'),
  ) as { version: string };

  const records = pullBenchRecords(total, ITEM, UNITS);
  const docs = records.map((record) => JSON.stringify({ _id: record.id, ...record.columns }));
  const docBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0) / total;
  const columnBytes =
    records.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record.columns)), 0) /
    total;
  console.log(
    `PouchDB ${version} replication benchmark, ${new Date().toISOString()}: ${total} records ` +
      `(${docBytes.toFixed(0)} bytes a document as JSON; the same columns as bench:push and ` +
      `bench:pull send, ${columnBytes.toFixed(0)} bytes), ${runs} runs of ${configs
        .map((c) => `batch_size ${c.size} × batches_limit ${c.limit}`)
        .join(', ')}; ${cpus().length} CPUs, load ${load()}`,
  );

  const work = mkdtempSync(join(tmpdir(), 'bench-pouchdb-'));
  try {
    const input = join(work, 'records.ndjson');
    writeFileSync(input, `${docs.join('\n')}\n`);
    const source = join(work, 'source');
    const filled = await runJob(['fill', source, input]);
    console.log(
      `local source filled: ${filled.docCount} documents in ${filled.seconds.toFixed(1)} s; ${uptime()}`,
    );

    const results = configs.map(() => ({ push: [] as Measure[], pull: [] as Measure[] }));
    for (let run = 1; run <= runs; run += 1) {
      for (const [index, config] of configs.entries()) {
        const name = `records_${config.size}x${config.limit}_${run}`;
        const batch = [String(config.size), String(config.limit)];
        const serverFolder = join(work, 'server');
        const push = await measure(
          serverFolder,
          (url) => runJob(['push', source, `${url}/${name}`, ...batch]),
          total,
        );
        const pull = await measure(
          serverFolder,
          (url) => runJob(['pull', join(work, `pulled_${name}`), `${url}/${name}`, ...batch]),
          total,
        );
        rmSync(join(work, `pulled_${name}`), { recursive: true, force: true });
        results[index]!.push.push(push);
        results[index]!.pull.push(pull);
        console.log(`run ${run}, ${config.size}x${config.limit}: push ${describe(push)}`);
        console.log(`run ${run}, ${config.size}x${config.limit}: pull ${describe(pull)}`);
        console.log(`  ${uptime()}`);
      }
    }
    console.log(`medians over ${runs} runs (load ${load()}):`);
    for (const [index, config] of configs.entries()) {
      const label = `batch_size ${config.size} × batches_limit ${config.limit}`;
      console.log(`  PouchDB push, ${label}: ${describe(median(results[index]!.push))}`);
      console.log(`  PouchDB pull, ${label}: ${describe(median(results[index]!.pull))}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  if (process.argv.includes('--ours')) {
    console.log(
      'ours, same machine, straight after (their server side is the hub and PostgreSQL):',
    );
    for (const line of [...ours('bench:push', total), ...ours('bench:pull', total)]) {
      console.log(line);
    }
    console.log(`  ${uptime()}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
