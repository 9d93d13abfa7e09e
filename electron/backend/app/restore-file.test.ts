import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incomingPath, swapInRestore } from './restore-file';

let dir: string;
let backup: string;
const ASIDE = 'desk.sqlite.damaged-2026-11-27T01-00-00-000Z';
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-restore-'));
  writeFileSync(at('desk.sqlite'), 'old data');
  writeFileSync(at('desk.sqlite-wal'), 'last saved work');
  writeFileSync(at('desk.sqlite-shm'), 'index of the wal');
  mkdirSync(at('backups'));
  backup = at('backups/daily.sqlite');
  writeFileSync(backup, 'backup data');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What the backup worker leaves for step two (its staging is tested in backup/worker.test.ts). */
function stage(): string {
  const incoming = incomingPath(dir);
  writeFileSync(incoming, readFileSync(backup));
  return incoming;
}

/** A non-empty folder where a file is to be moved: the rename fails as a held file would. */
function obstruct(name: string) {
  mkdirSync(at(name));
  writeFileSync(at(`${name}/keep`), '');
}

describe('putting a backup in place of the database', () => {
  it('sets a damaged file aside with its WAL and puts the backup in its place', () => {
    const incoming = stage();
    expect(read('desk.sqlite')).toBe('old data');

    expect(swapInRestore(dir, incoming, ASIDE)).toBe(ASIDE);
    expect(read('desk.sqlite')).toBe('backup data');
    expect(read(ASIDE)).toBe('old data');
    expect(read(`${ASIDE}-wal`)).toBe('last saved work');
    expect(readdirSync(dir).sort()).toEqual(
      ['backups', 'desk.sqlite', ASIDE, `${ASIDE}-wal`].sort(),
    );
  });

  it('drops the WAL and shared memory of a healthy file, which its clean close has emptied', () => {
    expect(swapInRestore(dir, stage())).toBeNull();
    expect(read('desk.sqlite')).toBe('backup data');
    expect(readdirSync(dir).sort()).toEqual(['backups', 'desk.sqlite']);
  });

  it('puts the damaged file back when its WAL cannot be moved aside', () => {
    obstruct(`${ASIDE}-wal`);
    const incoming = stage();
    expect(() => swapInRestore(dir, incoming, ASIDE)).toThrow();
    expect(read('desk.sqlite')).toBe('old data');
    expect(read('desk.sqlite-wal')).toBe('last saved work');
    expect(existsSync(at(ASIDE))).toBe(false);
    expect(existsSync(incoming)).toBe(false);
  });

  it('leaves everything as it was when the file cannot be moved aside', () => {
    obstruct(ASIDE);
    const incoming = stage();
    expect(() => swapInRestore(dir, incoming, ASIDE)).toThrow();
    expect(read('desk.sqlite')).toBe('old data');
    expect(read('desk.sqlite-wal')).toBe('last saved work');
    expect(existsSync(incoming)).toBe(false);
  });

  it("puts back the WAL and shared memory when the backup cannot take the database's place", () => {
    rmSync(at('desk.sqlite'));
    obstruct('desk.sqlite');
    const incoming = stage();
    expect(() => swapInRestore(dir, incoming)).toThrow();
    expect(read('desk.sqlite-wal')).toBe('last saved work');
    expect(read('desk.sqlite-shm')).toBe('index of the wal');
    expect(readdirSync(dir).sort()).toEqual([
      'backups',
      'desk.sqlite',
      'desk.sqlite-shm',
      'desk.sqlite-wal',
    ]);
  });
});
