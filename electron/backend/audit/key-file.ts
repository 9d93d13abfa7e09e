import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir, writePrivateFileAtomically } from '../core/private-files';

/** Browser mode keeps the audit key beside the database; the Electron app keeps it with safeStorage. */
export const AUDIT_KEY_FILE = 'audit-chain.key';
const KEY_HEX = /^[0-9a-f]{64}$/;

export function parseAuditKey(text: string): Buffer {
  const hex = text.trim();
  if (!KEY_HEX.test(hex)) throw new Error('the audit key must be 64 hexadecimal digits');
  return Buffer.from(hex, 'hex');
}

/**
 * Reads the data folder's audit key, creating it at first use, owner-only and whole or not at all.
 */
export function loadOrCreateAuditKeyFile(dataDir: string): Buffer {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) {
    // A copy restored by hand may come back with wider permissions.
    if (process.platform !== 'win32') chmodSync(file, 0o600);
    return parseAuditKey(readFileSync(file, 'utf8'));
  }
  // The first start of browser mode reads the key before the database has made its folder.
  privateDir(dataDir);
  const key = randomBytes(32);
  writePrivateFileAtomically(file, key.toString('hex'));
  return key;
}
