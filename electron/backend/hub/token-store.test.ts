import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PLAIN_TOKEN_FILE,
  SEALED_TOKEN_FILE,
  plainTokenStore,
  sealedTokenStore,
  tokenStoreFor,
} from './token-store';

const TOKEN = 'hub-token-7f3a9c0d2b8e4f61a5c7d9e0b1f2a3c4';
const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-token-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the hub token store', () => {
  it('keeps browser mode’s token in an owner-only file, and forgets it on clear', () => {
    const dir = folder();
    const store = plainTokenStore(dir);
    expect(store.read()).toBeNull();
    store.write(TOKEN);
    expect(store.read()).toBe(TOKEN);
    if (process.platform !== 'win32')
      expect(statSync(join(dir, PLAIN_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('seals the app’s token under the key main keeps with safeStorage: the file alone gives nothing', () => {
    const dir = folder();
    const key = randomBytes(32);
    sealedTokenStore(dir, key).write(TOKEN);
    const sealed = readFileSync(join(dir, SEALED_TOKEN_FILE));
    expect(sealed.includes(Buffer.from(TOKEN))).toBe(false);
    if (process.platform !== 'win32')
      expect(statSync(join(dir, SEALED_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(sealedTokenStore(dir, key).read()).toBe(TOKEN);
    // Another key (a new keyring, another account) reads no token: the settings page asks to reconnect.
    expect(sealedTokenStore(dir, randomBytes(32)).read()).toBeNull();
  });

  it('uses the sealed file exactly when main handed over a key', () => {
    const dir = folder();
    tokenStoreFor(dir, randomBytes(32)).write(TOKEN);
    expect(plainTokenStore(dir).read()).toBeNull();
    tokenStoreFor(dir, undefined).write(TOKEN);
    expect(plainTokenStore(dir).read()).toBe(TOKEN);
  });
});
