import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CheckResult } from './integrity';

export interface BackgroundCheck {
  /**
   * Ends the check without waiting for it: its result is never reported. The thread ends when
   * the native quick_check returns, which on a cold ten-year file can take minutes, so nothing
   * that must have the file to itself (a restore) may run while a check is under way.
   */
  stop(): void;
}

export interface CheckReport {
  result: CheckResult;
  ms: number;
  /** Set when the worker itself could not run: that says nothing about the file. */
  failedToRun?: string;
}

export type StartBackgroundCheck = (
  file: string,
  nativeBinding: string | undefined,
  onReport: (report: CheckReport) => void,
) => BackgroundCheck;

/*
 * The worker is evaluated from source rather than bundled as its own entry, so that the same code
 * runs under vitest, browser mode and the utilityProcess. It requires better-sqlite3 by the path
 * the backend itself resolves and loads the same native binding (Electron's ABI build when the
 * app passes one). A thread and not a child process: the packaged app turns Electron's runAsNode
 * fuse off, so it cannot start itself as Node. Read-only: WAL lets it read beside the backend.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const started = Date.now();
let result;
try {
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  const db = new Database(workerData.file, options);
  try {
    const problems = db.pragma('quick_check').map((row) => row.quick_check).filter((t) => t !== 'ok');
    result = problems.length === 0 ? { ok: true } : { ok: false, problem: problems.slice(0, 5).join('；') };
  } finally {
    db.close();
  }
} catch (error) {
  result = { ok: false, problem: error instanceof Error ? error.message : String(error) };
}
parentPort.postMessage({ result, ms: Date.now() - started });
`;

/** Runs the whole quick_check of `file` in a worker thread; `onReport` gets its one result. */
export const startBackgroundCheck: StartBackgroundCheck = (file, nativeBinding, onReport) => {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, nativeBinding, modulePath },
  });
  let stopped = false;
  let reported = false;
  const started = Date.now();
  const report = (value: CheckReport) => {
    if (stopped || reported) return;
    reported = true;
    onReport(value);
  };
  const failed = (why: string) =>
    report({ result: { ok: true }, ms: Date.now() - started, failedToRun: why });
  worker.once('message', (value: CheckReport) => report(value));
  worker.once('error', (error) => failed(error instanceof Error ? error.message : String(error)));
  // A thread that ended without either (killed by the system) must not leave the check running.
  worker.once('exit', (code) => failed(`the check's thread ended with code ${code}`));
  return {
    stop() {
      stopped = true;
      // A quit must not wait for a check nobody will read.
      worker.unref();
      void worker.terminate();
    },
  };
};
