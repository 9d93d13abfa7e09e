import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { HTTP_SECRET_HEADER } from '@shared/api';
import { startHttpHost, type HttpHost } from '../host/http-host';
import { createHarness, setUpTownship, type Harness } from '../testing/harness';

let h: Harness;
let host: HttpHost;
let rendererDir: string;
const SECRET = 'c'.repeat(48);

beforeEach(async () => {
  h = await createHarness();
  const { token } = await setUpTownship(h);
  await h.ok(
    'users.create',
    { username: 'clerk1', displayName: '王芳', role: 'clerk', initialPassword: 'Clerk#2026' },
    token,
  );
  rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  host = await startHttpHost(h.backend, { port: 0, rendererDir, secret: SECRET });
});
afterEach(async () => {
  await host.close();
  await h.cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function signIn(password: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await fetch(`${new URL(host.url).origin}/api/auth.signIn`, {
    method: 'POST',
    body: JSON.stringify({ username: 'clerk1', password }),
    headers: { [HTTP_SECRET_HEADER]: SECRET, 'content-type': 'application/json' },
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

it('keeps an account locked after 20 wrong passwords sent at once over the browser-mode API', async () => {
  const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(`Guess#${i}abc`)));
  expect(guesses.map((g) => g.error?.code)).toEqual(Array(20).fill('BAD_CREDENTIALS'));
  const right = await signIn('Clerk#2026');
  expect(right).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  h.clock.advance(10 * 60 * 1000 + 1000);
  expect((await signIn('Clerk#2026')).ok).toBe(true);
  // 22 deliberately slow password hashes.
}, 60_000);
