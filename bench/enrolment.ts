/**
 * Issue 14's enrolment benchmark: a new terminal joins the county hub and reaches a ready screen with
 * the county's full reference data (bench/lib/hub-county.ts: 20 townships and 400 villages, 300
 * catalogue items, 10 years of holidays, dispute types, mediation reference, 1,000 mediators), on
 * loopback. Starts the hub as `npm run hub` does (PGlite in a temp folder), enrols a county centre
 * through the hub's API and publishes the county; then, run by run, issues a code for a township,
 * starts a fresh browser-mode terminal (empty data folder) and walks the wizard as a person does:
 * 加入县级平台, address and code, Enter; terminal name and administrator, 完成设置; the sign-in form.
 * Typing is Playwright's (milliseconds); the figure is the waiting. After each run the terminal's
 * 县级平台 status must list every kind applied, or the run fails: a fast join without the data
 * would prove nothing.
 * Run: npm run build && npm run bench:enrolment [-- --runs 5]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import {
  APP_VERSION_HEADER,
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
  type EnrolResponse,
  type IssueEnrolmentCodeResponse,
} from '@shared/sync/hub-contract';
import {
  REFERENCE_KINDS,
  REFERENCE_PATHS,
  type ReferenceKind,
  type ReferenceManifest,
} from '@shared/sync/reference-contract';
import { ADMIN } from '../e2e/fixtures/accounts';
import { apiCall, apiSignIn } from '../e2e/fixtures/api';
import { startCountyHub, type CountyHub } from '../electron/backend/testing/county-hub';
import { countFlag } from './lib/args';
import {
  benchCalendar,
  benchCatalogue,
  benchDisputeTypes,
  benchMediationReference,
  benchOrgTree,
  benchRoster,
} from './lib/hub-county';
import { SERVE, startServe } from './lib/serve';
import { launchChromium } from './lib/chromium';
import { row } from './lib/stats';

const RUNS = countFlag('runs', 5);
const TARGET_MS = 3000;

interface Samples {
  codeToJoined: number[];
  setupToSignIn: number[];
  total: number[];
}

async function hubCall<T>(
  hubUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {
    [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
    [APP_VERSION_HEADER]: '0.1.0',
  };
  if (token) headers.authorization = bearer(token);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${hubUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** The county centre, enrolled through the API, publishes the whole county once. */
async function publishCounty(hub: CountyHub): Promise<{ token: string; townships: string[] }> {
  const centre = await hubCall<EnrolResponse>(hub.url, 'POST', HUB_PATHS.enrol, null, {
    code: hub.firstCode,
    appVersion: '0.1.0',
  });
  const manifest = await hubCall<ReferenceManifest>(
    hub.url,
    'GET',
    REFERENCE_PATHS.manifest,
    centre.token,
  );
  const units = benchOrgTree();
  await hubCall(hub.url, 'PUT', HUB_PATHS.adminOrgTree, centre.token, {
    baseEdition: manifest.editions.orgTree ?? 0,
    units,
  });
  const payloads: Record<ReferenceKind, unknown> = {
    catalogue: benchCatalogue('2026.12'),
    calendar: benchCalendar(),
    disputeTypes: benchDisputeTypes(),
    mediationReference: benchMediationReference(),
    roster: benchRoster(units),
  };
  for (const kind of REFERENCE_KINDS) {
    await hubCall(hub.url, 'PUT', REFERENCE_PATHS.publish(kind), centre.token, {
      baseEdition: manifest.editions[kind] ?? 0,
      payload: payloads[kind],
    });
  }
  const townships = units.filter((unit) => unit.level === 'township').map((unit) => unit.code);
  return { token: centre.token, townships };
}

async function enrolOne(
  browser: Browser,
  hub: CountyHub,
  centreToken: string,
  township: string,
  samples: Samples,
): Promise<void> {
  const issued = await hubCall<IssueEnrolmentCodeResponse>(
    hub.url,
    'POST',
    HUB_PATHS.adminEnrolmentCodes,
    centreToken,
    { orgUnitCode: township },
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-enrol-'));
  const started = await startServe(dataDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(started.url);
    await page.getByText('加入县级平台', { exact: true }).click();
    await page.getByRole('textbox', { name: '县级平台地址' }).fill(hub.url);
    const code = page.getByRole('textbox', { name: '加入码' });
    await code.fill(issued.code);
    const t0 = performance.now();
    await code.press('Enter');
    await page.getByRole('alert').filter({ hasText: '已加入县级平台' }).waitFor();
    const joined = performance.now();
    await page.getByRole('textbox', { name: '终端名称' }).fill('一号窗口');
    // Usernames are unique in the county: each township's administrator has his own.
    const admin = { ...ADMIN, username: `admin_${township}` };
    await page.getByRole('textbox', { name: '管理员用户名' }).fill(admin.username);
    await page.getByRole('textbox', { name: '管理员姓名' }).fill(ADMIN.displayName);
    await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
    await page.getByRole('textbox', { name: '确认密码' }).fill(ADMIN.password);
    const t1 = performance.now();
    await page.getByRole('button', { name: '完成设置' }).click();
    await page.getByRole('textbox', { name: '用户名', exact: true }).waitFor();
    const ready = performance.now();
    samples.codeToJoined.push(joined - t0);
    samples.setupToSignIn.push(ready - t1);
    samples.total.push(joined - t0 + (ready - t1));

    const token = await apiSignIn(started.url, admin);
    const status = await apiCall(started.url, 'hub.status', { refresh: false }, token);
    const missing = status.editions.filter((edition) => edition.edition === null);
    if (missing.length > 0)
      throw new Error(
        `the terminal is ready without ${missing.map((edition) => edition.kind).join(', ')}`,
      );
  } finally {
    await context.close();
    await started.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(SERVE)) throw new Error('out/main/serve.js is missing: run npm run build first');
  const folder = mkdtempSync(join(tmpdir(), 'desk-bench-hub-'));
  const hub = await startCountyHub(join(folder, 'hub'));
  const browser = await launchChromium();
  const samples: Samples = { codeToJoined: [], setupToSignIn: [], total: [] };
  const loadAtStart = loadavg();
  try {
    const { token, townships } = await publishCounty(hub);
    for (let i = 0; i < RUNS; i++) await enrolOne(browser, hub, token, townships[i]!, samples);
  } finally {
    await browser.close();
    await hub.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `基层一窗通 enrolment benchmark, ${RUNS} terminals, each a new server and browser context (${new Date().toISOString()})`,
  );
  console.log(row('加入 (Enter on the code) to 已加入县级平台', samples.codeToJoined, null));
  console.log(row('完成设置 to the sign-in form, data applied', samples.setupToSignIn, null));
  console.log(row('enrolment to a ready screen (both waits)', samples.total, TARGET_MS, 'max'));
  console.log(
    `load average (1/5/15 min): ${load(loadAtStart)} at start, ${load(loadavg())} at end`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
