import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * `npm start` run for real on a copy of the project's layout whose Electron download is stubbed:
 * electron's index.js is the real one, its install.js a stand-in that succeeds or fails as the
 * network would, and electron-vite a stand-in that reports how it was started.
 */

const START = resolve(__dirname, 'start.mjs');
const ELECTRON_VERSION = '41.10.7';

/** Like electron's install.js: honours ELECTRON_SKIP_BINARY_DOWNLOAD and ELECTRON_MIRROR. */
const INSTALLER_THAT_DOWNLOADS = `
const fs = require('fs');
const path = require('path');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
fs.appendFileSync(path.join(__dirname, 'download-log.txt'), (process.env.ELECTRON_MIRROR || 'github') + '\\n');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), 'binary');
fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v${ELECTRON_VERSION}');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;
const INSTALLER_OFFLINE = `
const fs = require('fs');
const path = require('path');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
fs.appendFileSync(path.join(__dirname, 'download-log.txt'), 'failed\\n');
console.error('RequestError: getaddrinfo ENOTFOUND github.com');
process.exit(1);
`;
const ELECTRON_VITE = `
console.log('electron-vite ' + process.argv.slice(2).join(' ') + ' binding=' + process.env.TOWNSHIP_DESK_SQLITE_BINDING);
`;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function fakeProject(installer: string): string {
  const root = mkdtempSync(join(tmpdir(), 'desk-start-'));
  roots.push(root);
  const electron = join(root, 'node_modules/electron');
  write(join(root, 'package.json'), JSON.stringify({ name: 'township-desk', private: true }));
  write(
    join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', version: ELECTRON_VERSION, main: 'index.js' }),
  );
  copyFileSync(resolve(__dirname, '../node_modules/electron/index.js'), join(electron, 'index.js'));
  write(join(electron, 'install.js'), installer);
  write(join(root, 'node_modules/electron-vite/bin/electron-vite.js'), ELECTRON_VITE);
  // The Electron-ABI better-sqlite3 of an earlier start, so that no compiler is needed here.
  write(
    join(
      root,
      `node_modules/.cache/township-desk/electron-${ELECTRON_VERSION}`,
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ),
    '',
  );
  return root;
}

function npmStart(root: string, env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  for (const name of [
    'ELECTRON_MIRROR',
    'ELECTRON_SKIP_BINARY_DOWNLOAD',
    'ELECTRON_OVERRIDE_DIST_PATH',
  ])
    delete inherited[name];
  const run = spawnSync(process.execPath, [START], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function downloads(root: string): string[] {
  const log = join(root, 'node_modules/electron/download-log.txt');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
}

describe('npm start', () => {
  it('downloads Electron through the mirror on the first start, then starts the app', () => {
    const root = fakeProject(INSTALLER_THAT_DOWNLOADS);
    const mirror = 'https://npmmirror.com/mirrors/electron/';
    const first = npmStart(root, { ELECTRON_MIRROR: mirror });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('首次启动：正在下载 Electron 程序文件');
    expect(first.stdout).toContain(`下载镜像（ELECTRON_MIRROR）：${mirror}`);
    expect(first.stdout).toMatch(/electron-vite preview binding=.*better_sqlite3\.node/);
    expect(downloads(root)).toEqual([mirror]);

    const second = npmStart(root);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('正在下载');
    expect(second.stdout).toContain('electron-vite preview');
    expect(downloads(root)).toEqual([mirror]);
  });

  it('says how to get a mirror when none is set', () => {
    const root = fakeProject(INSTALLER_THAT_DOWNLOADS);
    const run = npmStart(root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('在国内可设置 ELECTRON_MIRROR 环境变量，改用国内镜像下载。');
    expect(downloads(root)).toEqual(['github']);
  });

  it('offline, says the download failed and points to browser mode, without starting', () => {
    const root = fakeProject(INSTALLER_OFFLINE);
    const run = npmStart(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '无法下载 Electron 程序文件（可能没有联网，或 ELECTRON_MIRROR 指向的镜像无法访问）。',
    );
    expect(run.stderr).toContain('npm run serve');
    expect(run.stderr).toContain('Could not download the Electron binary');
    expect(run.stdout).not.toContain('electron-vite');
    expect(downloads(root)).toEqual(['failed']);
  });

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD, downloads nothing and says why', () => {
    const root = fakeProject(INSTALLER_THAT_DOWNLOADS);
    const run = npmStart(root, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '未下载 Electron 程序文件：设置了 ELECTRON_SKIP_BINARY_DOWNLOAD。',
    );
    expect(run.stderr).toContain('npm run serve');
    expect(run.stdout).not.toContain('electron-vite');
    expect(downloads(root)).toEqual([]);
  });
});
