import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AUDIT_KEY_FILE, loadOrCreateAuditKeyFile } from './key-file';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

it('creates the key in a data folder that does not exist yet, owner-only, and reads the same key back', () => {
  const root = mkdtempSync(join(tmpdir(), 'desk-key-'));
  roots.push(root);
  const dataDir = join(root, 'new', 'data');
  const key = loadOrCreateAuditKeyFile(dataDir);
  expect(key).toHaveLength(32);
  expect(readFileSync(join(dataDir, AUDIT_KEY_FILE), 'utf8')).toBe(key.toString('hex'));
  if (process.platform !== 'win32') {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
  }
  expect(loadOrCreateAuditKeyFile(dataDir).equals(key)).toBe(true);
});
