import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_PRINTS_MS, preparePrintsFolder, prunePrints } from './prints-folder';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'desk-prints-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;

describe('the prints folder', () => {
  it.runIf(process.platform !== 'win32')('is owner-only, also when it was not', async () => {
    const folder = join(root, 'prints');
    await preparePrintsFolder(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    chmodSync(folder, 0o755);
    await preparePrintsFolder(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('deletes the PDFs older than a week and keeps the rest', async () => {
    const now = Date.parse('2026-12-06T12:00:00.000Z');
    const write = (name: string, ageMs: number) => {
      writeFileSync(join(root, name), 'pdf');
      const at = new Date(now - ageMs);
      utimesSync(join(root, name), at, at);
    };
    write('受理回执-20261127-090000.pdf', 9 * DAY);
    write('调解协议书-20261129-100000.pdf', KEEP_PRINTS_MS + 1000);
    write('一次性告知单-20261201-150000.pdf', 5 * DAY);
    write('notes.txt', 30 * DAY);
    expect((await prunePrints(root, now)).sort()).toEqual([
      '受理回执-20261127-090000.pdf',
      '调解协议书-20261129-100000.pdf',
    ]);
    expect(readdirSync(root).sort()).toEqual(['notes.txt', '一次性告知单-20261201-150000.pdf']);
  });

  it('has nothing to prune before the first print', async () => {
    expect(await prunePrints(join(root, 'never-made'), Date.now())).toEqual([]);
  });
});
