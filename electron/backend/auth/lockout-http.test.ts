import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { HTTP_SECRET_HEADER } from '@shared/api';
import { startHttpHost, type HttpHost } from '../host/http-host';
import { NEW_CLERK, test as base } from '../testing/fixtures';

const SECRET = 'c'.repeat(48);

/** Browser mode's HTTP host in front of the township, where 王芳's account waits for her. */
const test = base.extend('host', async ({ harness: h, township }, { onCleanup }) => {
  await h.ok('users.create', NEW_CLERK, township.admin);
  const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  const host = await startHttpHost(h.backend, { port: 0, rendererDir, secret: SECRET });
  onCleanup(async () => {
    await host.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });
  return host;
});

async function signIn(
  host: HttpHost,
  password: string,
): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await fetch(`${new URL(host.url).origin}/api/auth.signIn`, {
    method: 'POST',
    body: JSON.stringify({ username: 'clerk1', password }),
    headers: { [HTTP_SECRET_HEADER]: SECRET, 'content-type': 'application/json' },
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

test('keeps an account locked after 20 wrong passwords sent at once over the browser-mode API', async ({
  harness: h,
  host,
}) => {
  const guesses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => signIn(host, `Guess#${i}abc`)),
  );
  expect(guesses.map((g) => g.error?.code)).toEqual(Array(20).fill('BAD_CREDENTIALS'));
  const right = await signIn(host, 'Clerk#2026');
  expect(right).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  h.clock.advance(10 * 60 * 1000 + 1000);
  expect((await signIn(host, 'Clerk#2026')).ok).toBe(true);
  // 22 deliberately slow password hashes.
}, 60_000);
