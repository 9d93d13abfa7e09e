import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection';

/*
 * A thread that writes slice after slice on a connection of its own, as the pull's thread does, and
 * the backend's thread saving once meanwhile. Without giving way, the save's connection polls the lock
 * on SQLite's back-off and finds it free only between two slices, a moment it seldom hits: without
 * giveWay it waited behind 38, 38, 9 and 11 slices in four runs.
 */
const SLICES = 40;
const SLICE_MS = 20;

const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
const Database = require(workerData.betterSqlite3);
const { WriteTurns } = require(workerData.writeTurns);
const turns = new WriteTurns(workerData.shared);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO writes (who) VALUES ('slice')");
const begun = [];
for (let i = 0; i < workerData.slices; i += 1) {
  turns.giveWay();
  db.exec('BEGIN IMMEDIATE');
  const started = Date.now();
  begun.push(started);
  while (Date.now() - started < workerData.sliceMs) insert.run();
  db.exec('COMMIT');
  if (i === 0) parentPort.postMessage('writing');
}
db.close();
parentPort.postMessage(begun);
`;

let dir: string;
let handle: DatabaseHandle;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-write-turns-'));
  handle = openDatabase(join(dir, 'desk.sqlite'));
  handle.sqlite.exec('CREATE TABLE writes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)');
});

afterEach(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the backend’s connection and a thread writing beside it', () => {
  it('waits for the slice under way, not for the ones after it', { timeout: 30_000 }, async () => {
    const worker = new Worker(WRITER, {
      eval: true,
      workerData: {
        file: handle.file,
        shared: handle.turns.shared,
        slices: SLICES,
        sliceMs: SLICE_MS,
        betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
        writeTurns: join(import.meta.dirname, 'write-turns.ts'),
      },
    });
    const messages: unknown[] = [];
    const ended = new Promise((resolve, reject) => {
      worker.on('message', (message) => messages.push(message));
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    await expect.poll(() => messages.length, { interval: 1 }).toBe(1);
    // Into the middle of a slice.
    await new Promise((resolve) => setTimeout(resolve, SLICE_MS / 2));
    const asked = Date.now();
    await handle.db.transaction().execute((trx) =>
      trx
        .insertInto('writes' as never)
        .values({ who: 'clerk' } as never)
        .execute(),
    );
    const saved = Date.now();
    await ended;
    const begun = messages[1] as number[];
    // At most one: the thread may have looked for the backend's hold just before it was taken.
    expect(begun.filter((at) => at > asked && at < saved).length).toBeLessThanOrEqual(1);
    expect(begun.filter((at) => at > saved).length).toBeGreaterThan(0);
  });
});
