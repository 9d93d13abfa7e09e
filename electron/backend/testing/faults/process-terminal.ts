import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/api';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { ADMIN_PASSWORD } from '../harness';
import type { FaultProxy } from '../fault-proxy';

const REPO_ROOT = resolve(__dirname, '../../../..');
/** The built browser-mode backend (`npx electron-vite build`). */
export const SERVE_JS = join(REPO_ROOT, 'out', 'main', 'serve.js');
// The host prints the URL alone on its own line after its start-up banner.
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?secret=[0-9a-f]+$/;
const START_TIMEOUT_MS = 60_000;

/** A terminal's backend in a process of its own, so that a test can kill it with SIGKILL. */
export interface ProcessTerminal {
  name: string;
  unitId: string;
  terminalId: string;
  dataDir: string;
  proxy: FaultProxy;
  username: string;
  /** Its administrator's session in the running process (a new one after each start). */
  session: string;
  /** The process's pid while it runs. */
  readonly pid: number | null;
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: string,
  ): Promise<Result<MethodOutput<M>>>;
  ok<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: string,
  ): Promise<MethodOutput<M>>;
  /** kill -9: no handler runs, the database and the epoch marker stay as the last write left them. */
  kill(): Promise<void>;
  /** Starts the process again on the same data folder and signs its administrator in. */
  start(): Promise<void>;
  /** SIGTERM, as the app is closed. */
  stop(): Promise<void>;
  /** Its database, read-only, for the end checks (the process stopped); closed by the caller. */
  openDatabase(): Database.Database;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

interface Running {
  child: ChildProcess;
  url: URL;
}

function startServe(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, [SERVE_JS, '--data', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolveStart, rejectStart) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rejectStart(new Error(`${reason}\n${output.join('')}`));
    };
    const timer = setTimeout(
      () => fail('serve.js did not print its URL in time'),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => fail(`serve.js exited with code ${code} before printing its URL`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(`${line}\n`);
      if (URL_LINE.test(line.trim())) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolveStart({ child, url: new URL(line.trim()) });
      }
    });
  });
}

/** The terminal's API as the renderer calls it in browser mode. */
async function callApi<M extends MethodName>(
  url: URL,
  method: M,
  input: MethodInput<M>,
  session?: string,
): Promise<Result<MethodOutput<M>>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-desk-secret': url.searchParams.get('secret') ?? '',
  };
  if (session) headers['x-desk-session'] = session;
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<MethodOutput<M>>;
}

/**
 * Starts serve.js on `dataDir` and joins it to the hub through `proxy` as the wizard does
 * (加入县级平台 with `code`, then 完成设置), its administrator `username` signed in.
 */
export async function startProcessTerminal(options: {
  name: string;
  dataDir: string;
  proxy: FaultProxy;
  /** Division code of the unit it joins as. */
  division: string;
  code: string;
  username: string;
}): Promise<ProcessTerminal> {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run npx electron-vite build`);
  const { name, dataDir, proxy, username } = options;
  let running: Running | null = await startServe(dataDir);
  const t: ProcessTerminal = {
    name,
    dataDir,
    proxy,
    username,
    unitId: orgUnitIdFromDivisionCode(options.division),
    terminalId: '',
    session: '',
    get pid() {
      return running?.child.pid ?? null;
    },
    call(method, input, session) {
      if (!running) return Promise.reject(new Error(`${name} is not running`));
      return callApi(running.url, method, input, session);
    },
    async ok(method, input, session) {
      const result = await t.call(method, input, session);
      if (!result.ok)
        throw new Error(`${name} ${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async kill() {
      const child = running?.child;
      running = null;
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child, 10_000);
    },
    async start() {
      running = await startServe(dataDir);
      t.session = (await t.ok('auth.signIn', { username, password: ADMIN_PASSWORD })).token;
    },
    async stop() {
      const child = running?.child;
      running = null;
      if (!child) return;
      child.kill('SIGTERM');
      if (!(await exited(child, 10_000))) {
        child.kill('SIGKILL');
        await exited(child, 10_000);
      }
    },
    openDatabase() {
      return new Database(join(dataDir, 'desk.sqlite'), { readonly: true, fileMustExist: true });
    },
  };
  try {
    const joined = await t.ok('hub.join', { hubUrl: proxy.url, code: options.code });
    await t.ok('hub.completeSetup', {
      terminalName: `${name}窗口`,
      admin: { username, displayName: '陈建国', password: ADMIN_PASSWORD },
    });
    t.session = (await t.ok('auth.signIn', { username, password: ADMIN_PASSWORD })).token;
    t.terminalId = joined.terminalId ?? '';
    if (!t.terminalId || joined.orgUnit?.code !== options.division)
      throw new Error(`${name} did not join: ${JSON.stringify(joined)}`);
  } catch (error) {
    await t.stop();
    throw error;
  }
  return t;
}
