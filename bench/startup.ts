/**
 * Issue 2's start-up numbers, through the built app as a person starts it:
 * - backend start to ready on an empty database (< 1 s), measured inside the process and from spawn;
 * - browser-mode page usable (< 2 s after the URL is printed): the first screen's first button enabled.
 * Run: npm run build && npm run bench:startup [-- --runs 10]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { row } from './lib/stats';

const SERVE = join(__dirname, '..', 'out', 'main', 'serve.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;

interface Started {
  url: string;
  spawnToUrlMs: number;
  backendReportedMs: number;
  stop(): void;
}

function startServe(dataDir: string): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVE, '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let backendReportedMs = Number.NaN;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const reported = /（(\d+) ms）/.exec(buffer);
      if (reported) backendReportedMs = Number(reported[1]);
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/\?secret=[0-9a-f]+)$/m.exec(buffer);
      if (url)
        resolve({
          url: url[1]!,
          spawnToUrlMs: performance.now() - t0,
          backendReportedMs,
          stop: () => child.kill(),
        });
    });
    child.on('exit', (code) =>
      reject(new Error(`serve.js exited with ${code} before printing its URL`)),
    );
  });
}

async function main(): Promise<void> {
  if (!existsSync(SERVE)) throw new Error('out/main/serve.js is missing: run npm run build first');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const backend: number[] = [];
  const spawnToUrl: number[] = [];
  const pageUsable: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-start-'));
    const started = await startServe(dataDir);
    const tUrl = performance.now();
    const page = await browser.newPage();
    await page.goto(started.url);
    await page.getByRole('button').first().waitFor({ state: 'visible' });
    pageUsable.push(performance.now() - tUrl);
    backend.push(started.backendReportedMs);
    spawnToUrl.push(started.spawnToUrlMs);
    await page.close();
    started.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await browser.close();
  console.log(
    `基层一窗通 start-up benchmark, ${RUNS} runs, empty database each run (${new Date().toISOString()})`,
  );
  console.log(row('backend start to ready (inside the process)', backend, 1000, 'max'));
  console.log(row('node spawn to URL printed (incl. Node boot)', spawnToUrl, 1000, 'max'));
  console.log(row('URL printed to page usable (browser mode)', pageUsable, 2000, 'max'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
