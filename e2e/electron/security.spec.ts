import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  expect,
  test as base,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

/*
 * Security as a feature: outside links and window.open never replace the app
 * page, only listed government sites reach the system browser, the page is served with its CSP
 * header, and the page sees window.desk but no Node. Runs the real app where Electron's binary is
 * installed; elsewhere it is reported skipped and browser mode covers the rest.
 */

/** The electron package exports its binary's path, and throws when the download was skipped. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(__filename)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

/** What the specs record in the main process, on globalThis. */
interface Probe {
  navigations: { url: string; prevented: boolean }[];
  opened: string[];
}
type WithProbe = { deskProbe: Probe };

/** The page's globals the specs touch; e2e is typed for Node, without the DOM. */
interface PageGlobals {
  desk?: Record<string, unknown>;
  require?: unknown;
  process?: unknown;
  open(url: string): unknown;
  document: {
    body: { append(node: unknown): void };
    createElement(tag: 'a'): { href: string; id: string; textContent: string | null };
  };
}

const test = base.extend<{ app: ElectronApplication; appPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  app: async ({}, use) => {
    const userData = mkdtempSync(join(tmpdir(), 'township-desk-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // A dev server URL would make the app load something other than app://desk.
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
    }
    env.TOWNSHIP_DESK_USER_DATA = userData;
    // The repository root, whose package.json names out/main/index.js as main: the app gets its
    // own name and version, as in a packaged build.
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [resolve('.')],
      env,
    });
    await app.evaluate(({ shell }) => {
      const probe: Probe = { navigations: [], opened: [] };
      (globalThis as unknown as WithProbe).deskProbe = probe;
      // No real browser opens during a test run; the spec only needs to see what would open.
      shell.openExternal = async (url: string) => {
        probe.opened.push(url);
      };
    });
    await use(app);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  },
  appPage: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await app.evaluate(({ BrowserWindow }) => {
      const { deskProbe } = globalThis as unknown as WithProbe;
      // Added after the app's own listener, so it sees whether that one prevented the navigation.
      for (const win of BrowserWindow.getAllWindows()) {
        win.webContents.on('will-navigate', (event) => {
          deskProbe.navigations.push({ url: event.url, prevented: event.defaultPrevented });
        });
      }
    });
    await use(page);
  },
});

const probe = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as WithProbe).deskProbe);
const windowCount = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

test.skip(
  binary === null,
  'Electron binary is not installed (npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD or offline); ' +
    'browser mode covers the app, this project needs the real Electron.',
);

test('the app page is served from app://desk with window.desk and no Node', async ({ appPage }) => {
  expect(appPage.url()).toMatch(/^app:\/\/desk\//);
  const seen = await appPage.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return {
      desk: Object.keys(page.desk ?? {}).sort(),
      require: typeof page.require,
      process: typeof page.process,
    };
  });
  expect(seen).toEqual({
    desk: ['call', 'onEvent', 'printToPdf', 'restartToUpdate', 'updateState'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('a link to an outside site does not replace the app page', async ({ app, appPage }) => {
  const before = appPage.url();
  await appPage.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const link = document.createElement('a');
    link.href = 'https://example.com/';
    link.id = 'outside-link';
    link.textContent = '外部链接';
    document.body.append(link);
  });
  await appPage.click('#outside-link');

  await expect
    .poll(async () => (await probe(app)).navigations)
    .toEqual([{ url: 'https://example.com/', prevented: true }]);
  expect(appPage.url()).toBe(before);
  expect(await windowCount(app)).toBe(1);
});

test('window.open never opens a window; only listed government sites go to the system browser', async ({
  app,
  appPage,
}) => {
  const before = appPage.url();
  const returned = await appPage.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return [
      page.open('https://example.com/'),
      page.open('http://www.gov.cn/'),
      page.open('https://www.gov.cn.evil.example/'),
      page.open('file:///etc/passwd'),
      page.open('ms-msdt:/id PCWDiagnostic'),
      page.open('https://www.zjzwfw.gov.cn/'),
    ];
  });

  expect(returned).toEqual([null, null, null, null, null, null]);
  await expect.poll(async () => (await probe(app)).opened).toEqual(['https://www.zjzwfw.gov.cn/']);
  expect(appPage.url()).toBe(before);
  expect(await windowCount(app)).toBe(1);
});

test('the page comes with its security policy as a header: no framing, no sniffing', async ({
  appPage,
}) => {
  const headers = await appPage.evaluate(async () => {
    const response = await fetch('app://desk/index.html');
    return {
      policy: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
    };
  });
  expect(headers.policy?.split('; ')).toEqual(
    expect.arrayContaining(["frame-ancestors 'none'", "script-src 'self'", "object-src 'none'"]),
  );
  expect(headers.nosniff).toBe('nosniff');
});
