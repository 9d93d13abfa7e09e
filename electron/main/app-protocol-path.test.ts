import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest, type AppTarget } from './app-protocol-path';

const root = resolve('/opt/township-desk/out/renderer');
const existing = new Set([
  join(root, 'index.html'),
  join(root, 'assets', 'index-abc123.js'),
  join(root, 'assets', '宋体 子集.woff2'),
]);
const isFile = (path: string) => existing.has(path);
const served = (...parts: string[]): AppTarget => ({ kind: 'file', path: join(root, ...parts) });

describe('resolveAppRequest', () => {
  it.each([
    ['app://desk', served('index.html')],
    ['app://desk/', served('index.html')],
    ['app://desk/index.html', served('index.html')],
    ['app://desk/assets/index-abc123.js', served('assets', 'index-abc123.js')],
    ['app://desk/assets/index-abc123.js?v=1#x', served('assets', 'index-abc123.js')],
    [
      'app://desk/assets/%E5%AE%8B%E4%BD%93%20%E5%AD%90%E9%9B%86.woff2',
      served('assets', '宋体 子集.woff2'),
    ],
  ])('serves %s', (url, expected) => {
    expect(resolveAppRequest(url, root, isFile)).toEqual(expected);
  });

  it.each([
    'app://desk/applications',
    'app://desk/applications/0193a1b2-7c3d/',
    'app://desk/audit?user=3#top',
  ])('falls back to index.html for the client-side route %s', (url) => {
    expect(resolveAppRequest(url, root, isFile)).toEqual(served('index.html'));
  });

  it('answers 404 for a missing asset rather than HTML', () => {
    expect(resolveAppRequest('app://desk/assets/gone-1.js', root, isFile)).toEqual({
      kind: 'not-found',
    });
  });

  it.each([
    ['parent segment', 'app://desk/../secret.txt'],
    ['nested parent segment', 'app://desk/assets/../../secret.txt'],
    ['encoded dots', 'app://desk/%2e%2e/secret.txt'],
    ['upper-case encoded dots', 'app://desk/assets/%2E%2E/%2E%2E/secret.txt'],
    ['encoded slash', 'app://desk/..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://desk/..%5c..%5csecret.txt'],
    ['literal backslash', 'app://desk/assets\\..\\..\\secret.txt'],
    ['absolute path via empty segment', 'app://desk//etc/passwd'],
    ['absolute path encoded', 'app://desk/%2Fetc%2Fpasswd'],
    ['Windows drive', 'app://desk/C:%5CWindows%5Cwin.ini'],
    ['Windows drive with slash', 'app://desk/C:/Windows/win.ini'],
    ['null byte', 'app://desk/index.html%00.js'],
    ['single dot', 'app://desk/./index.html'],
    ['malformed escape', 'app://desk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['host with suffix', 'app://desk.evil/index.html'],
    ['host with port', 'app://desk:8080/index.html'],
    ['file URL', 'file:///etc/passwd'],
    ['web URL', 'https://desk/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppRequest(url, root, isFile)).toEqual({ kind: 'refused' });
  });
});
