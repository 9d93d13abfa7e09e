import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { DATABASE_FILE } from '../app/open-runtime';
import { sha256Hex, storeBlob } from '../attachments/store';
import { NEW_ADMIN_PASSWORD } from '../testing/harness';
import { test } from '../testing/fixtures';
import { writePrivateFileAtomically } from './private-files';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every folder 0700 and every file 0600 under the data folder, as [path, mode] of the others. */
function notOwnerOnly(dir: string): [string, string][] {
  const wrong: [string, string][] = [];
  const walk = (path: string) => {
    const isDir = statSync(path).isDirectory();
    if (modeOf(path) !== (isDir ? 0o700 : 0o600)) wrong.push([path, modeOf(path).toString(8)]);
    if (isDir) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return wrong;
}

// chmod sets only the read-only flag on Windows; there the profile's ACL does this job.
describe.runIf(process.platform !== 'win32')('data at rest', () => {
  test('keeps the data folder, database, backups and attachments owner-only', async ({
    harness: h,
    township: _township,
  }) => {
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    await h.ok('backups.create', {}, token);
    const bytes = Buffer.from('%PDF-1.4 scan');
    storeBlob(h.dataDir, sha256Hex(bytes), bytes);
    const names = readdirSync(h.dataDir);
    expect(names).toEqual(
      expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, 'backups', 'attachments']),
    );
    expect(notOwnerOnly(h.dataDir)).toEqual([]);
  });

  test('narrows what an earlier version left readable to others', async ({
    harness: h,
    township: _township,
  }) => {
    await h.backend.close();
    chmodSync(h.dataDir, 0o755);
    chmodSync(join(h.dataDir, DATABASE_FILE), 0o644);
    await h.restart();
    expect(modeOf(h.dataDir)).toBe(0o700);
    expect(modeOf(join(h.dataDir, DATABASE_FILE))).toBe(0o600);
  });
});

describe.runIf(process.platform !== 'win32')('a file written whole or not at all', () => {
  test('replaces the old content owner-only and leaves no temporary file', ({ harness: h }) => {
    const file = join(h.dataDir, 'key');
    writePrivateFileAtomically(file, 'old');
    writePrivateFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(file)).toBe(0o600);
    expect(readdirSync(h.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('keeps the old file and no temporary one when the rename fails', ({ harness: h }) => {
    const target = join(h.dataDir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writePrivateFileAtomically(target, 'new')).toThrow();
    expect(readdirSync(target)).toEqual(['inside']);
    expect(readdirSync(h.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
