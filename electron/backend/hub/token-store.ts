import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir, writePrivateFileAtomically } from '../core/private-files';

/**
 * Where the hub's bearer token lives: never in the database file, which backups copy and an
 * administrator carries around, and never in a log line.
 */
export interface TokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

/** Browser mode: the token in a 0600 file beside the database. */
export const PLAIN_TOKEN_FILE = 'hub-token';
/** The app: the token sealed with a key that Electron main keeps with safeStorage. */
export const SEALED_TOKEN_FILE = 'hub-token.sealed';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function readIfThere(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  // A copy restored by hand may come back with wider permissions.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return readFileSync(file);
}

export function plainTokenStore(dataDir: string): TokenStore {
  const file = join(dataDir, PLAIN_TOKEN_FILE);
  return {
    read: () => {
      const text = readIfThere(file)?.toString('utf8').trim();
      return text ? text : null;
    },
    write: (token) => {
      privateDir(dataDir);
      writePrivateFileAtomically(file, token);
    },
    clear: () => rmSync(file, { force: true }),
  };
}

/**
 * AES-256-GCM under a key that only Electron main can unwrap (safeStorage: DPAPI, the keychain or
 * the keyring): the file alone, copied off the machine, gives nothing. A file that does not open
 * under the key (another user's, or the key was lost) reads as no token: the terminal then asks for
 * 重新连接 rather than failing.
 */
export function sealedTokenStore(dataDir: string, key: Buffer): TokenStore {
  if (key.length !== 32) throw new Error('the hub token key must be 32 bytes');
  const file = join(dataDir, SEALED_TOKEN_FILE);
  return {
    read: () => {
      const sealed = readIfThere(file);
      if (!sealed || sealed.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
        decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        return null;
      }
    },
    write: (token) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      privateDir(dataDir);
      writePrivateFileAtomically(file, Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    clear: () => rmSync(file, { force: true }),
  };
}

/** The sealed store when main handed over a key, the plain file otherwise (browser mode, tests). */
export function tokenStoreFor(dataDir: string, key: Buffer | undefined): TokenStore {
  return key ? sealedTokenStore(dataDir, key) : plainTokenStore(dataDir);
}
