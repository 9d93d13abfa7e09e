import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { test } from '../testing/fixtures';
import { pushRequestSchema } from '@shared/sync/records-contract';
import { settleEpochAtOpen } from '../epoch/service';
import {
  countWaiting,
  markPushed,
  nextEpoch,
  pushRequestBody,
  readPushBatch,
  type OutgoingEntry,
} from './push-entries';
import { readSyncState } from './push-state';

interface Logged {
  table?: string;
  op?: 'insert' | 'update' | 'delete';
  payload?: Record<string, unknown>;
  changed?: string[] | null;
  txId?: string | null;
  epoch?: string;
}

const ROW = {
  id: '0193a000-0000-7000-8000-000000000001',
  org_unit_id: 'unit',
  case_no: 'A-1',
  applicant_name: '张三',
  note: '初次',
  version: 'v2',
  updated_at: '2026-12-07T01:00:00.000Z',
  updated_by: 'u1',
  deleted_at: null,
};

/** One change-log entry as the one write module leaves it, written into the real outbox table. */
async function log(db: Kysely<Database>, entry: Logged = {}): Promise<number> {
  const payload = entry.payload ?? ROW;
  const { seq } = await db
    .insertInto('outbox')
    .values({
      table_name: entry.table ?? 'cases',
      record_id: String(payload.id ?? ROW.id),
      op: entry.op ?? 'update',
      payload: JSON.stringify(payload),
      base_version: entry.op === 'insert' ? null : 'v1',
      version: 'v2',
      org_unit_id: 'unit',
      created_at: '2026-12-07T01:00:00.000Z',
      pushed_at: null,
      tx_id: entry.txId === undefined ? randomUUID() : entry.txId,
      changed_columns: entry.changed ? JSON.stringify(entry.changed) : null,
      schema_version: 28,
      epoch: entry.epoch ?? (await readSyncState(db)).epoch,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return seq;
}

/** An entry as the hub reads it from the request's body. */
function sent(entry: OutgoingEntry) {
  return pushRequestSchema.parse(JSON.parse(pushRequestBody(EPOCH, [entry]).toString('utf8')))
    .entries[0]!;
}

const EPOCH = '0193a000-0000-7000-8000-0000000000e1';

async function logTransaction(db: Kysely<Database>, size: number): Promise<string> {
  const txId = randomUUID();
  for (let i = 0; i < size; i += 1) await log(db, { txId });
  return txId;
}

describe('push batches read from the change log', () => {
  test('never split a transaction: the batch runs past its limit to the end of the last one', async ({
    harness: h,
  }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch } = await readSyncState(db);
    const [a, b, c] = [
      await logTransaction(db, 2),
      await logTransaction(db, 3),
      await logTransaction(db, 2),
    ];
    const first = readPushBatch(sqlite, epoch, 4);
    expect(first.map((entry) => entry.txId)).toEqual([a, a, b, b, b]);
    expect(first.map((entry) => entry.seq)).toEqual(
      [...first.map((entry) => entry.seq)].sort((x, y) => x - y),
    );
    markPushed(sqlite, epoch, first);
    const second = readPushBatch(sqlite, epoch, 4);
    expect(second.map((entry) => entry.txId)).toEqual([c, c]);
  });

  test('send an update only with what it changed and the sync columns; an insert and an older entry whole', async ({
    harness: h,
  }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch } = await readSyncState(db);
    await log(db, { op: 'insert' });
    await log(db, { op: 'update', changed: ['note'] });
    await log(db, { op: 'delete', changed: [] });
    await log(db, { op: 'update', changed: null });
    const [insert, update, tombstone, older] = readPushBatch(sqlite, epoch).map(sent);
    expect(insert!.columns).toEqual(ROW);
    expect(update!.columns).toEqual({
      note: '初次',
      version: 'v2',
      updated_at: ROW.updated_at,
      updated_by: 'u1',
    });
    expect(Object.keys(tombstone!.columns).sort()).toEqual(
      ['deleted_at', 'updated_at', 'updated_by', 'version'].sort(),
    );
    expect(older!.columns).toEqual(ROW);
    expect(update).toMatchObject({ op: 'update', baseVersion: 'v1', schemaVersion: 28 });
  });

  test('leave out the tables with a channel of their own; an entry without a transaction id is its own', async ({
    harness: h,
  }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch } = await readSyncState(db);
    const users = await log(db, { table: 'users' });
    await log(db, { txId: null });
    await log(db, { txId: null });
    const batch = readPushBatch(sqlite, epoch);
    expect(batch.map((entry) => entry.seq)).not.toContain(users);
    expect(batch.every((entry) => entry.table === 'cases')).toBe(true);
    expect(batch).toHaveLength(2);
    expect(batch[0]!.txId).not.toEqual(batch[1]!.txId);
  });

  test('go oldest epoch first, each epoch from its own mark on', async ({ harness: h }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch: before } = await readSyncState(db);
    const [pushed, old] = [await log(db), await log(db)];
    markPushed(sqlite, before, [{ seq: pushed }]);
    // The app's own restore: what the file held waiting goes on in its epoch, new entries in a new one.
    const { epoch: current } = await settleEpochAtOpen(db, {
      dataDir: h.dataDir,
      nowIso: '2026-12-07T02:00:00.000Z',
      terminalId: null,
      restored: { backup: 'backup.sqlite', counters: {} },
      epochJustCreated: false,
    });
    const named = await log(db);
    expect(await nextEpoch(db)).toBe(before);
    expect(readPushBatch(sqlite, before).map((e) => e.seq)).toEqual([old]);
    expect(readPushBatch(sqlite, current).map((e) => e.seq)).toEqual([named]);
    markPushed(sqlite, before, [{ seq: old }]);
    expect(await nextEpoch(db)).toBe(current);
    expect(await countWaiting(db)).toBe(1);
  });
});

describe('the push request written from the change log', () => {
  test('carry each entry as the contract reads it, its stored columns spliced in', async ({
    harness: h,
  }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch } = await readSyncState(db);
    const quoted = { ...ROW, note: '他说"不"\\n换行\u2028', case_no: null };
    await log(db, { op: 'insert', payload: quoted, txId: null });
    await log(db, { op: 'update', changed: ['note'] });
    const batch = readPushBatch(sqlite, epoch);
    batch[1]!.settlesRefusal = true;
    const request = pushRequestSchema.parse(
      JSON.parse(pushRequestBody(epoch, batch).toString('utf8')),
    );
    expect(request.epoch).toBe(epoch);
    expect(request.entries[0]).toEqual({
      seq: batch[0]!.seq,
      txId: batch[0]!.txId,
      table: 'cases',
      recordId: ROW.id,
      op: 'insert',
      baseVersion: null,
      version: 'v2',
      columns: quoted,
      schemaVersion: 28,
      at: '2026-12-07T01:00:00.000Z',
    });
    expect(request.entries[1]).toMatchObject({ baseVersion: 'v1', settlesRefusal: true });
    expect(request.entries[1]!.columns).toEqual({
      note: '初次',
      version: 'v2',
      updated_at: ROW.updated_at,
      updated_by: 'u1',
    });
  });

  test('mark as pushed what the hub decided and nothing after it, with one write whatever the size', async ({
    harness: h,
  }) => {
    const { db, sqlite } = h.backend.runtime;
    const { epoch } = await readSyncState(db);
    const a = await log(db);
    await log(db, { table: 'users' });
    const [b, c, d] = [await log(db), await log(db), await log(db)];
    expect(await countWaiting(db)).toBe(4);
    const changes = sqlite.prepare('SELECT total_changes()').pluck();
    const before = changes.get() as number;
    markPushed(sqlite, epoch, [{ seq: a }, { seq: b }]);
    expect((changes.get() as number) - before).toBe(1);
    expect(readPushBatch(sqlite, epoch).map((entry) => entry.seq)).toEqual([c, d]);
    expect(await countWaiting(db)).toBe(2);
    // An answer repeated after a cut never takes the mark back.
    markPushed(sqlite, epoch, [{ seq: a }]);
    expect(readPushBatch(sqlite, epoch).map((entry) => entry.seq)).toEqual([c, d]);
  });
});
