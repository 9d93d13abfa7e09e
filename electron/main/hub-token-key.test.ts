import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTED_HUB_KEY_FILE, hubTokenKeyHex, type SealingStorage } from './hub-token-key';

/**
 * Stands in for Electron's safeStorage, which needs the Electron binary (not installed here): a
 * reversible "encryption" whose output does not contain the plain text, and a switch for when the
 * OS offers none.
 */
function fakeSafeStorage(available = true): SealingStorage {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
    },
  };
}

const quiet = { warn: () => {}, error: () => {} };
const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-hubkey-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the key that seals the hub token', () => {
  it('is made once, kept only encrypted, and read back the same at the next start', () => {
    const dir = folder();
    const key = hubTokenKeyHex(dir, fakeSafeStorage(), quiet)!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, ENCRYPTED_HUB_KEY_FILE), 'utf8')).not.toContain(key);
    expect(hubTokenKeyHex(dir, fakeSafeStorage(), quiet)).toBe(key);
  });

  it('is left to the backend’s 0600 file where the OS offers no encryption', () => {
    const warnings: unknown[] = [];
    const key = hubTokenKeyHex(folder(), fakeSafeStorage(false), {
      ...quiet,
      warn: (...d) => warnings.push(d),
    });
    expect(key).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('is replaced when the stored one no longer decrypts, so the app still starts', () => {
    const dir = folder();
    writeFileSync(join(dir, ENCRYPTED_HUB_KEY_FILE), 'from another account');
    const errors: unknown[] = [];
    const key = hubTokenKeyHex(dir, fakeSafeStorage(), {
      ...quiet,
      error: (...d) => errors.push(d),
    });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(errors).toHaveLength(1);
    expect(hubTokenKeyHex(dir, fakeSafeStorage(), quiet)).toBe(key);
  });
});
