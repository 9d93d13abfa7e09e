/**
 * Start-up numbers through the built app as a person starts it (issue 2; issue 12 item 9):
 * - backend start to ready on an empty database (< 1 s), measured inside the process and from spawn;
 * - browser mode on an empty database: URL printed to the setup wizard usable (its first button);
 * - browser mode on a set-up terminal, the counter's every morning: URL printed to the sign-in form
 *   usable (p50 < 1 s), then 登录 pressed to the 工作台, and 受理 clicked to its 证件号码 field focused.
 * Each run starts its own server and a fresh browser context, so nothing is cached between runs.
 * The times start when the URL is opened in a tab that is already there, as a person opens it in a
 * browser already running (or Electron loads it into its window): opening a new tab on an empty profile
 * is the browser's work, not the app's, and is shown beside them as a row of its own.
 * Beside the times, which a busy machine stretches, two figures it moves less: the bytes of script
 * fetched and the CPU time of the page's main thread (Chromium's ThreadTime) up to the sign-in form.
 * `--renderer DIR` (repeatable) measures other renderer builds, e.g. an older commit's out/renderer,
 * taking turns run by run so that a shared machine's load falls on each alike.
 * Run: npm run build && npm run bench:startup [-- --runs 10] [--renderer out/renderer --renderer DIR]
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CLERK } from '../e2e/fixtures/accounts';
import { seedTerminal } from '../e2e/fixtures/api';
import { BUILT_RENDERER, SERVE, startServe } from './lib/serve';
import { launchChromium } from './lib/chromium';
import { row } from './lib/stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const RENDERERS = process.argv.flatMap((arg, i) =>
  arg === '--renderer' ? [process.argv[i + 1]!] : [],
);
if (RENDERERS.length === 0) RENDERERS.push(BUILT_RENDERER);

/** A terminal set up once, with a clerk past the first sign-in; each run starts from a copy. */
async function seededTemplate(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-start-seed-'));
  const started = await startServe(dataDir);
  await seedTerminal(started.url, [CLERK]);
  await started.stop();
  return dataDir;
}

/** A new context per page: no cached script, style or cookie from an earlier run. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

interface Samples {
  backend: number[];
  spawnToUrl: number[];
  wizardUsable: number[];
  signInUsable: number[];
  signInTab: number[];
  statusSent: number[];
  statusAnswered: number[];
  signInScriptKb: number[];
  signInCpuMs: number[];
  signInTaskMs: number[];
  signInToHome: number[];
  intakeUsable: number[];
}

/** Empty database: the first screen is the setup wizard. */
async function measureWizard(browser: Browser, renderer: string, samples: Samples) {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-start-'));
  const started = await startServe(dataDir, renderer);
  const page = await freshPage(browser);
  const tUrl = performance.now();
  await page.goto(started.url);
  await page.getByRole('button').first().waitFor({ state: 'visible' });
  samples.wizardUsable.push(performance.now() - tUrl);
  samples.backend.push(started.backendReportedMs);
  samples.spawnToUrl.push(started.spawnToUrlMs);
  await page.context().close();
  await started.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Set-up terminal: sign-in form, then the clerk signs in and opens 受理. */
async function measureCounter(
  browser: Browser,
  renderer: string,
  template: string,
  samples: Samples,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-start-'));
  cpSync(template, dataDir, { recursive: true });
  const started = await startServe(dataDir, renderer);
  const tTab = performance.now();
  const page = await freshPage(browser);
  samples.signInTab.push(performance.now() - tTab);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // Every script file, imported or preloaded (a modulepreload is not resourceType 'script').
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(new URL(response.url()).pathname))
      scripts.push(response.body().then((body) => body.length));
  });
  const tUrl = performance.now();
  await page.goto(started.url);
  const username = page.getByRole('textbox', { name: '用户名', exact: true });
  await username.waitFor({ state: 'visible' });
  samples.signInUsable.push(performance.now() - tUrl);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metricMs = (name: string) =>
    (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
  samples.signInCpuMs.push(metricMs('ThreadTime'));
  samples.signInTaskMs.push(metricMs('TaskDuration'));
  // Fetched by then: what the form waited for, and maybe the first idle preloads after it.
  const scriptBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
  samples.signInScriptKb.push(scriptBytes / 1024);
  // The request that decides the first screen, on the page's clock (from the navigation's start).
  const status = await page.evaluate(() => {
    const [entry] = performance
      .getEntriesByType('resource')
      .filter((resource) => resource.name.endsWith('/api/system.status'))
      .map((resource) => resource.toJSON() as { startTime: number; responseEnd: number });
    return entry ? { sent: entry.startTime, answered: entry.responseEnd } : null;
  });
  samples.statusSent.push(status?.sent ?? Number.NaN);
  samples.statusAnswered.push(status?.answered ?? Number.NaN);

  await username.fill(CLERK.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(CLERK.password);
  const tSignIn = performance.now();
  await page.getByRole('button', { name: '登录' }).click();
  const intakeLink = page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '受理' });
  await page.getByRole('heading', { name: CLERK.displayName }).waitFor({ state: 'visible' });
  samples.signInToHome.push(performance.now() - tSignIn);

  const tIntake = performance.now();
  await intakeLink.click();
  const documentNumber = page.getByRole('textbox', { name: '证件号码', exact: true });
  // Usable when the clerk can type: the page focuses the field once it is ready for a number.
  const field = await documentNumber.elementHandle();
  await page.waitForFunction((element) => element?.ownerDocument.activeElement === element, field);
  samples.intakeUsable.push(performance.now() - tIntake);

  await page.context().close();
  await started.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!existsSync(SERVE)) throw new Error('out/main/serve.js is missing: run npm run build first');
  const browser = await launchChromium();
  const template = await seededTemplate();
  const samples = new Map(RENDERERS.map((renderer) => [renderer, emptySamples()]));
  const loadAtStart = loadavg();
  for (let i = 0; i < RUNS; i++) {
    for (const [renderer, own] of samples) {
      await measureWizard(browser, renderer, own);
      await measureCounter(browser, renderer, template, own);
    }
  }
  const loadAtEnd = loadavg();
  await browser.close();
  rmSync(template, { recursive: true, force: true });
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `基层一窗通 start-up benchmark, ${RUNS} runs, a new server and browser context each (${new Date().toISOString()})`,
  );
  for (const [renderer, own] of samples) report(renderer, own);
  console.log(
    `load average (1/5/15 min): ${load(loadAtStart)} at start, ${load(loadAtEnd)} at end`,
  );
}

function emptySamples(): Samples {
  return {
    backend: [],
    spawnToUrl: [],
    wizardUsable: [],
    signInUsable: [],
    signInTab: [],
    statusSent: [],
    statusAnswered: [],
    signInScriptKb: [],
    signInCpuMs: [],
    signInTaskMs: [],
    signInToHome: [],
    intakeUsable: [],
  };
}

function report(renderer: string, samples: Samples) {
  console.log(`renderer ${renderer}`);
  console.log(row('backend start to ready (inside the process)', samples.backend, 1000, 'max'));
  console.log(row('node spawn to URL printed (incl. Node boot)', samples.spawnToUrl, 1000, 'max'));
  console.log(
    row('URL to setup wizard usable (empty database)', samples.wizardUsable, 2000, 'max'),
  );
  console.log(row('URL to sign-in form usable', samples.signInUsable, 1000, 'p50'));
  console.log(row('  before the URL: a new tab (the browser)', samples.signInTab, null));
  console.log(row('  status asked (page clock)', samples.statusSent, null));
  console.log(row('  status answered (page clock)', samples.statusAnswered, null));
  console.log(row('  main-thread CPU until then (ThreadTime)', samples.signInCpuMs, null));
  console.log(row('  main-thread tasks until then (TaskDuration)', samples.signInTaskMs, null));
  const kib = [...new Set(samples.signInScriptKb.map((kb) => kb.toFixed(0)))].join(', ');
  console.log(`  script fetched by then: ${kib} KiB`);
  console.log(row('登录 pressed to 工作台 shown', samples.signInToHome, null));
  console.log(row('受理 clicked to 证件号码 focused', samples.intakeUsable, null));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
