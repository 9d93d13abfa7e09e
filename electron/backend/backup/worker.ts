import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Copies the live database into `dir` as `name`, verified, compressed, under a temporary name first. */
interface BackupJob {
  kind: 'backup';
  source: string;
  dir: string;
  name: string;
}

/** Puts a backup (compressed or not) at `target` and verifies it, for a restore to swap in. */
interface StageJob {
  kind: 'stage';
  backup: string;
  target: string;
}

type JobReport =
  { ok: true; sizeBytes: number; ms: number } | { ok: false; stopped: boolean; problem: string };

export interface RunningJob {
  result: Promise<JobReport>;
  /** Asks the job to end, waits a moment for it to clean up, then lets the thread go. */
  stop(): Promise<void>;
}

/** Pages per backup step: the stop flag is read between steps (4 MB at SQLite's 4 KB pages). */
const PAGES_PER_STEP = 1000;
/**
 * The copy and the compressed file are flushed every 64 MB as they are written: left to the OS,
 * gigabytes of the copy wait in the page cache and the counter's next save, which flushes its
 * own few pages (synchronous=FULL), queues behind their write-back (intake p99 141 ms during the
 * ten-year backup, bench/RESULTS.md run 7).
 */
const FLUSH_BYTES = 64 * 1024 * 1024;
/** gzip level 1: on this data it is within a few percent of level 6 in size, at a third of the CPU. */
const GZIP_LEVEL = 1;
const STOP_WAIT_MS = 2000;

/** The temporary names a job writes; a file under one of them is never a backup. */
function temporaryFiles(job: BackupJob | StageJob): string[] {
  const sqliteFiles = (file: string) => ['', '-journal', '-wal', '-shm'].map((end) => file + end);
  if (job.kind === 'stage') return sqliteFiles(job.target);
  return [...sqliteFiles(`${job.dir}/${job.name}.raw.tmp`), `${job.dir}/${job.name}.tmp`];
}

/*
 * Evaluated from source like db/background-check.ts, so that the same code runs under vitest,
 * browser mode and the utilityProcess, with the better-sqlite3 (and native binding) the backend uses.
 * A backup: a read transaction pins one snapshot of the WAL database, so SQLite's online backup
 * copies it in steps without restarting when the counter saves meanwhile (copying from another
 * connection without it restarts on every write); the copy is switched out of WAL, quick_checked and
 * checked to be our schema, gzipped, read back through gunzip against the copy's hash, flushed and
 * only then renamed to its backup name. Every file is created 0600.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { Transform, Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const Database = require(workerData.modulePath);
const job = workerData.job;
const controller = new AbortController();
const signal = controller.signal;
parentPort.on('message', (message) => { if (message === 'stop') controller.abort(); });
// The listener must not keep the thread alive once the job is done.
parentPort.unref();
class Stopped extends Error {}
const checkStop = () => { if (signal.aborted) throw new Stopped('stopped'); };

function open(file, readonly) {
  const options = { fileMustExist: true };
  if (readonly) options.readonly = true;
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  return new Database(file, options);
}
function flush(path, flags) {
  const fd = fs.openSync(path, flags);
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}
function flushDir(dir) {
  // Windows cannot open a folder for fsync; its rename is journaled by NTFS.
  try { flush(dir, 'r'); } catch {}
}
function hashing(hash) {
  return new Transform({ transform(chunk, _enc, done) { hash.update(chunk); done(null, chunk); } });
}
const sink = () => new Writable({ write(_chunk, _enc, done) { done(); } });

/** Null when the file is a sound database of ours, else why not. */
function problemOf(file) {
  let db;
  try {
    db = open(file, false);
    db.pragma('journal_mode = DELETE');
    const problems = db.pragma('quick_check').map((row) => row.quick_check).filter((t) => t !== 'ok');
    if (problems.length > 0) return problems.slice(0, 5).join('；');
    const ours = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('schema_migrations', 'settings')").get();
    return ours.n === 2 ? null : '不是本系统的数据库';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    if (db) db.close();
  }
}

async function copyLive(source, raw) {
  const rawFd = fs.openSync(raw, 'wx', 0o600);
  const db = open(source, true);
  let steps = 0;
  try {
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    await db.backup(raw, { progress: () => {
      checkStop();
      if (++steps % workerData.stepsPerFlush === 0) fs.fdatasyncSync(rawFd);
      return workerData.pagesPerStep;
    } });
    db.exec('COMMIT');
  } finally {
    db.close();
    fs.closeSync(rawFd);
  }
}

/** A file written in order and flushed every flushBytes, created 0600 and never over another. */
function flushedFile(path) {
  const fd = fs.openSync(path, 'wx', 0o600);
  let unflushed = 0;
  return new Writable({
    write(chunk, _enc, done) {
      try {
        fs.writeSync(fd, chunk);
        unflushed += chunk.length;
        if (unflushed >= workerData.flushBytes) { fs.fdatasyncSync(fd); unflushed = 0; }
        done();
      } catch (error) { done(error); }
    },
    final(done) { try { fs.fsyncSync(fd); done(); } catch (error) { done(error); } },
    destroy(error, done) { try { fs.closeSync(fd); } catch {} done(error); },
  });
}

async function compress(raw, gz) {
  const written = crypto.createHash('sha256');
  await pipeline(
    fs.createReadStream(raw), hashing(written), zlib.createGzip({ level: workerData.gzipLevel }),
    flushedFile(gz), { signal });
  const readBack = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(gz), zlib.createGunzip(), hashing(readBack), sink(), { signal });
  if (written.digest('hex') !== readBack.digest('hex')) throw new Error('压缩后的备份读回与原数据不一致');
}

async function backup() {
  const raw = job.dir + '/' + job.name + '.raw.tmp';
  const gz = job.dir + '/' + job.name + '.tmp';
  try {
    await copyLive(job.source, raw);
    checkStop();
    const problem = problemOf(raw);
    if (problem) throw new Error('备份副本未通过检查：' + problem);
    checkStop();
    await compress(raw, gz);
    checkStop();
    fs.renameSync(gz, job.dir + '/' + job.name);
    flushDir(job.dir);
    return fs.statSync(job.dir + '/' + job.name).size;
  } finally {
    for (const end of ['', '-journal', '-wal', '-shm']) fs.rmSync(raw + end, { force: true });
    fs.rmSync(gz, { force: true });
  }
}

async function stage() {
  try {
    if (job.backup.endsWith('.gz')) {
      await pipeline(fs.createReadStream(job.backup), zlib.createGunzip(),
        fs.createWriteStream(job.target, { flags: 'w', mode: 0o600 }), { signal });
    } else {
      fs.copyFileSync(job.backup, job.target);
      fs.chmodSync(job.target, 0o600);
    }
    checkStop();
    const problem = problemOf(job.target);
    if (problem) throw new Error(problem);
    flush(job.target, 'r+');
    return fs.statSync(job.target).size;
  } catch (error) {
    for (const end of ['', '-journal', '-wal', '-shm']) fs.rmSync(job.target + end, { force: true });
    throw error;
  }
}

const started = Date.now();
(job.kind === 'backup' ? backup() : stage()).then(
  (sizeBytes) => parentPort.postMessage({ ok: true, sizeBytes, ms: Date.now() - started }),
  (error) => parentPort.postMessage({
    ok: false,
    stopped: error instanceof Stopped || signal.aborted,
    problem: error instanceof Error ? error.message : String(error),
  }),
);
`;

/** Runs a backup or a restore's staging in a worker thread with its own connection. */
/** What WORKER_SOURCE reads as its workerData (plain data: a test passes it to another process). */
export function jobWorkerData(job: BackupJob | StageJob, nativeBinding: string | undefined) {
  return {
    job,
    nativeBinding,
    modulePath: createRequire(import.meta.url).resolve('better-sqlite3'),
    pagesPerStep: PAGES_PER_STEP,
    stepsPerFlush: Math.max(1, Math.floor(FLUSH_BYTES / (PAGES_PER_STEP * 4096))),
    flushBytes: FLUSH_BYTES,
    gzipLevel: GZIP_LEVEL,
  };
}

export function startJob(job: BackupJob | StageJob, nativeBinding: string | undefined): RunningJob {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: jobWorkerData(job, nativeBinding),
  });
  let settle: (report: JobReport) => void = () => {};
  const result = new Promise<JobReport>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (report: JobReport) => {
    if (settled) return;
    settled = true;
    // A thread that died without cleaning up (terminated, out of memory) leaves its files to us.
    if (!report.ok) for (const file of temporaryFiles(job)) rmSync(file, { force: true });
    settle(report);
  };
  worker.once('message', (report: JobReport) => finish(report));
  worker.once('error', (error) =>
    finish({
      ok: false,
      stopped: false,
      problem: error instanceof Error ? error.message : String(error),
    }),
  );
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      finish({ ok: false, stopped: false, problem: `备份线程意外结束（${code}）` });
      resolve();
    }),
  );
  return {
    result,
    async stop() {
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), STOP_WAIT_MS);
      });
      const outcome = await Promise.race([result.then(() => 'done' as const), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        // Inside one native call (quick_check of a big copy) the thread cannot be stopped; it is
        // let go, and whatever it leaves behind is cleared at the next start.
        worker.unref();
        void worker.terminate();
        finish({ ok: false, stopped: true, problem: 'stopped' });
        return;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
    },
  };
}
