import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(__dirname, '../../..');
const TSX = resolve(REPO_ROOT, 'node_modules/.bin/tsx');
const HUB_MAIN = resolve(REPO_ROOT, 'upstream/src/main.ts');
const LISTENING = /county hub listening: (http:\/\/\S+)/;
const FIRST_CODE = /first terminal: ([A-Z0-9-]+)/;
/**
 * PGlite runs initdb in WebAssembly on an empty folder: about 15 s on an idle machine, and several
 * times that when the machine is shared by parallel test runs.
 */
export const HUB_START_TIMEOUT_MS = 180_000;

/** The real county hub, started as `npm run hub` starts it, on PGlite in a folder of the test's. */
export interface CountyHub {
  url: string;
  /** The code the hub prints for the county centre's first terminal (the demo county, 330324). */
  firstCode: string;
  stop(): Promise<void>;
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

/**
 * `restart`: the folder holds a hub that ran before; it prints no first terminal's code once that
 * code was used, so only its URL is awaited (firstCode is then empty). `port`: on the port it had
 * (the terminals know the address); a hub started on a given port is taken as a restart.
 */
export function startCountyHub(
  dataDir: string,
  options: { restart?: boolean; port?: number } = {},
): Promise<CountyHub> {
  const { port } = options;
  const restart = options.restart === true || port !== undefined;
  const child = spawn(
    TSX,
    ['--tsconfig', 'tsconfig.node.json', HUB_MAIN, '--data', dataDir, '--port', String(port ?? 0)],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  const output: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await exited(child, 5_000))) {
      child.kill('SIGKILL');
      await exited(child, 5_000);
    }
  };
  return new Promise((resolveStart, rejectStart) => {
    let url: string | null = null;
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      void stop().then(() => rejectStart(new Error(`${reason}\n${output.join('')}`)));
    };
    const timer = setTimeout(
      () => fail('the hub did not print its URL and code in time'),
      HUB_START_TIMEOUT_MS,
    );
    child.once('exit', (code) => fail(`the hub exited with code ${code} before it was ready`));
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(`${line}\n`);
      url = LISTENING.exec(line)?.[1] ?? url;
      const code = FIRST_CODE.exec(line)?.[1];
      if (url && (code || restart)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolveStart({ url, firstCode: code ?? '', stop });
      }
    });
  });
}
