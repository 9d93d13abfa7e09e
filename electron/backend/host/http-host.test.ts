import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { describe, expect } from 'vitest';
import { test as base } from '../testing/fixtures';
import { startHttpHost, type HttpHost } from './http-host';
import { resolveStatic } from './static-files';

const SECRET = 'a'.repeat(48);

const test = base
  // The fixture functions take their dependencies from a destructuring pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  .extend('rendererDir', ({}, { onCleanup }) => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<html lang="zh-CN"></html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    onCleanup(() => rmSync(rendererDir, { recursive: true, force: true }));
    return rendererDir;
  })
  .extend('host', async ({ harness: h, rendererDir }, { onCleanup }) => {
    const host = await startHttpHost(h.backend, { port: 0, rendererDir, secret: SECRET });
    onCleanup(() => host.close());
    return host;
  });

function origin(host: HttpHost): string {
  return new URL(host.url).origin;
}

/** Raw request so that the Host header can be forged. */
function rawGet(host: HttpHost, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, origin(host));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode HTTP host', () => {
  test('prints a loopback URL with the secret', ({ host }) => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?secret=${SECRET}$`));
  });

  test('refuses the page and the API without the secret', async ({ host }) => {
    expect((await fetch(`${origin(host)}/`)).status).toBe(401);
    expect((await fetch(`${origin(host)}/assets/app.js`)).status).toBe(401);
    const api = await fetch(`${origin(host)}/api/system.status`, { method: 'POST', body: '{}' });
    expect(api.status).toBe(401);
    const wrong = await fetch(`${origin(host)}/api/system.status`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-desk-secret': 'b'.repeat(48) },
    });
    expect(wrong.status).toBe(401);
  });

  test('serves the page with the secret and sets the cookie that assets use', async ({ host }) => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await fetch(`${origin(host)}/assets/app.js`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  test('answers the contract over POST /api/<method>', async ({ host }) => {
    const res = await fetch(`${origin(host)}/api/system.status`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-desk-secret': SECRET, 'content-type': 'application/json' },
    });
    const body = (await res.json()) as { ok: boolean; value: { setupDone: boolean } };
    expect(body).toMatchObject({ ok: true, value: { setupDone: false, database: 'ok' } });
    const bad = await fetch(`${origin(host)}/api/system.status`, {
      method: 'POST',
      body: '{not json',
      headers: { 'x-desk-secret': SECRET, 'content-type': 'application/json; charset=utf-8' },
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test.for([
    ['no content type', undefined],
    ['text/plain, what a form or sendBeacon sends without a preflight', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['a JSON look-alike', 'application/jsonp'],
    ['JSON in another type', 'text/json'],
  ] as const)(
    'refuses a call with %s (415, nothing run)',
    async ([, type], { harness: h, host }) => {
      const headers: Record<string, string> = { 'x-desk-secret': SECRET };
      if (type) headers['content-type'] = type;
      const res = await fetch(`${origin(host)}/api/setup.initialize`, {
        method: 'POST',
        // Without a content type, fetch would label a string body text/plain itself.
        body: type ? '{}' : new Uint8Array(Buffer.from('{}')),
        headers,
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '请求内容类型必须是 application/json' },
      });
      const status = await h.backend.call({ method: 'system.status', input: {} });
      expect(status).toMatchObject({ ok: true, value: { setupDone: false } });
    },
  );

  test('serves the page with its security policy: no framing, no sniffing', async ({ host }) => {
    const page = await fetch(host.url);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["frame-ancestors 'none'", "script-src 'self'", "object-src 'none'"]),
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await fetch(`${origin(host)}/api/system.status`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-desk-secret': SECRET, 'content-type': 'application/json' },
    });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('refuses a foreign Host header (DNS rebinding)', async ({ host }) => {
    expect(
      await rawGet(host, `/?secret=${SECRET}`, { host: `evil.example:${new URL(host.url).port}` }),
    ).toBe(421);
  });
});

describe('static path guard', () => {
  test.for([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/a%5c..%5c..%5cx',
    '/x%00.js',
    '/nope.js',
  ])('refuses %s', (path, { rendererDir }) => {
    expect(resolveStatic(rendererDir, path)).toBeNull();
  });
  test('serves index.html for / and files inside the root', ({ rendererDir }) => {
    expect(resolveStatic(rendererDir, '/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveStatic(rendererDir, '/assets/app.js')).toBe(
      join(rendererDir, 'assets', 'app.js'),
    );
  });
});
