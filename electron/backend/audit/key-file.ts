import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '../core/private-files';

/** Browser mode keeps the audit key beside the database; the Electron app keeps it with safeStorage. */
export const AUDIT_KEY_FILE = 'audit-chain.key';
const KEY_HEX = /^[0-9a-f]{64}$/;

export function parseAuditKey(text: string): Buffer {
  const hex = text.trim();
  if (!KEY_HEX.test(hex)) throw new Error('the audit key must be 64 hexadecimal digits');
  return Buffer.from(hex, 'hex');
}

/**
 * Reads the data folder's audit key, creating it at first use: written under a temporary name with
 * mode 0600 (readable by this OS user only), flushed, then renamed, so that a power cut leaves
 * either no key or a whole one, never a half-written key that would sign entries nobody can check.
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
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('hex'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dataDir);
  return key;
}

/** Makes the rename itself durable; Windows cannot open a folder for flushing and journals renames. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
