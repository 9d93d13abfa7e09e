import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { BACKEND_HEAP_START_FLAGS, backendMallocEnv } from '../../electron/backend/host/heap';
import type { TerminalCommands } from './terminal-child';

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const TICKS_PER_SECOND = 100;

export interface TerminalProcess {
  pid: number;
  /** Runs one of the child's commands and answers what it answered. */
  call<C extends keyof TerminalCommands>(
    command: C,
    ...args: Parameters<TerminalCommands[C]>
  ): Promise<Awaited<ReturnType<TerminalCommands[C]>>>;
  /** The child's RSS now and its peak so far (VmRSS, VmHWM), in MB, and its CPU seconds. */
  sample(): { rssMb: number; hwmMb: number; cpuSeconds: number };
  /**
   * Samples the RSS every `everyMs` until the answer's stop(), which answers the peak (MB): VmHWM
   * when the kernel let it be reset as the watch began (`exact`), which sees a peak between two
   * samples too, else the highest sample.
   */
  watchRss(everyMs?: number): { stop(): number; exact: boolean };
  stop(): Promise<void>;
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

function sampleOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    rssMb: kilobytes(status, 'VmRSS') / 1024,
    hwmMb: kilobytes(status, 'VmHWM') / 1024,
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
  };
}

/** Resets the process's VmHWM to its RSS now (Linux ≥ 4.0, /proc/PID/clear_refs); false if refused. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const ROOT = resolve(__dirname, '../..');

/** `entry` as one CommonJS file at `outfile`, our code bundled and the packages left to node_modules. */
function bundle(entry: string, outfile: string): void {
  // Built under a name of its own and renamed: esbuild rewrites a file in place, which a bench
  // running beside it (or a worktree whose node_modules is hard-linked to this one) would load
  // half-written or as another tree's code.
  const building = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [entry],
    outfile: building,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    logLevel: 'error',
    // The backend finds better-sqlite3 for its worker threads, and the pull its thread's module,
    // by import.meta.url.
    define: { 'import.meta.url': '__bench_import_meta_url' },
    banner: {
      js: 'const __bench_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
    },
  });
  renameSync(building, outfile);
}

/**
 * A bench's terminal entry (a .ts file) as one CommonJS file, our code bundled and the packages left
 * to node_modules, as electron-vite builds the app's backend: run under tsx instead, the terminal
 * would carry tsx's compiler and every module's source map (~55 MB more RSS), which the app does not.
 * Answers the bundle's path, under node_modules so that it finds the packages it leaves out. The
 * record pull's thread (hub/pull/pull-thread.ts) is bundled beside it, as the app's build does.
 */
export function bundleTerminal(entry: string): string {
  const dir = join(ROOT, 'node_modules/.cache/bench');
  bundle(join(ROOT, 'electron/backend/hub/pull/pull-worker.ts'), join(dir, 'pull-worker.js'));
  const outfile = join(dir, basename(entry, '.ts') + '.cjs');
  bundle(entry, outfile);
  return outfile;
}

/**
 * The terminal's backend in a process of its own (bench/lib/terminal-child.ts), so that its RSS and
 * CPU are the terminal's alone: the bench, the generated hub rows and the county centre's harness
 * stay in the parent. Extra node flags for the child (e.g. --cpu-prof) come from
 * BENCH_TERMINAL_NODE_FLAGS.
 */
export async function startTerminalProcess(dataDir: string): Promise<TerminalProcess> {
  const extra = (process.env.BENCH_TERMINAL_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = fork(
    bundleTerminal(join(__dirname, 'terminal-child.ts')),
    [dataDir],
    {
      // The heap flags the app gives its backend at start; gc() for the memory command's figures.
      execArgv: [...BACKEND_HEAP_START_FLAGS, '--expose-gc', ...extra],
      // The malloc settings the app gives its backend (Linux).
      env: { ...process.env, ...backendMallocEnv() },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: { id: number; value?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error !== undefined) pending.reject(new Error(message.error));
    else pending.resolve(message.value);
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values())
      pending.reject(new Error(`the terminal process ended (${code})`));
    waiting.clear();
  });
  const call = ((command: string, ...args: unknown[]) =>
    new Promise((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve, reject });
      child.send({ id: next, command, args });
    })) as TerminalProcess['call'];
  const pid = child.pid!;
  await call('ready');
  return {
    pid,
    call,
    sample: () => sampleOf(pid),
    watchRss(everyMs = 20) {
      const exact = resetPeak(pid);
      let peak = sampleOf(pid).rssMb;
      const timer = setInterval(() => {
        peak = Math.max(peak, sampleOf(pid).rssMb);
      }, everyMs);
      return {
        stop() {
          clearInterval(timer);
          const last = sampleOf(pid);
          return Math.max(peak, last.rssMb, exact ? last.hwmMb : 0);
        },
        exact,
      };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // A terminal that failed mid-command is ended all the same.
      await call('close').catch(() => undefined);
      child.disconnect();
      await exited;
    },
  };
}
