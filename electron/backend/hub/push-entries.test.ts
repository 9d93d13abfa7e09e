import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { test } from '../testing/fixtures';
import { nextEpoch, readPushBatch } from './push-entries';
import { readSyncState } from './push-state';

interface Logged {
  table?: string;
  op?: 'insert' | 'update' | 'delete';
  payload?: Record<string, unknown>;
  changed?: string[] | null;
  txId?: string | null;
  epoch?: string | null;
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
      epoch: entry.epoch === undefined ? null : entry.epoch,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return seq;
}

async function logTransaction(db: Kysely<Database>, size: number): Promise<string> {
  const txId = randomUUID();
  for (let i = 0; i < size; i += 1) await log(db, { txId });
  return txId;
}

describe('push batches read from the change log', () => {
  test('never split a transaction: the batch runs past its limit to the end of the last one', async ({
    harness: h,
  }) => {
    const db = h.backend.runtime.db;
    const { epoch } = await readSyncState(db);
    const [a, b, c] = [
      await logTransaction(db, 2),
      await logTransaction(db, 3),
      await logTransaction(db, 2),
    ];
    const first = await readPushBatch(db, epoch, epoch, 4);
    expect(first.map((entry) => entry.txId)).toEqual([a, a, b, b, b]);
    expect(first.map((entry) => entry.seq)).toEqual(
      [...first.map((entry) => entry.seq)].sort((x, y) => x - y),
    );
    await db
      .updateTable('outbox')
      .set({ pushed_at: 'now' })
      .where(
        'seq',
        'in',
        first.map((entry) => entry.seq),
      )
      .execute();
    const second = await readPushBatch(db, epoch, epoch, 4);
    expect(second.map((entry) => entry.txId)).toEqual([c, c]);
  });

  test('send an update only with what it changed and the sync columns; an insert and an older entry whole', async ({
    harness: h,
  }) => {
    const db = h.backend.runtime.db;
    const { epoch } = await readSyncState(db);
    await log(db, { op: 'insert' });
    await log(db, { op: 'update', changed: ['note'] });
    await log(db, { op: 'delete', changed: [] });
    await log(db, { op: 'update', changed: null });
    const [insert, update, tombstone, older] = await readPushBatch(db, epoch, epoch);
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
    const db = h.backend.runtime.db;
    const { epoch } = await readSyncState(db);
    const users = await log(db, { table: 'users' });
    await log(db, { txId: null });
    await log(db, { txId: null });
    const batch = await readPushBatch(db, epoch, epoch);
    expect(batch.map((entry) => entry.seq)).not.toContain(users);
    expect(batch.every((entry) => entry.table === 'cases')).toBe(true);
    expect(batch).toHaveLength(2);
    expect(batch[0]!.txId).not.toEqual(batch[1]!.txId);
  });

  test('go oldest epoch first; an entry written before the log knew epochs is of the current one', async ({
    harness: h,
  }) => {
    const db = h.backend.runtime.db;
    const { epoch: current } = await readSyncState(db);
    const before = randomUUID();
    const old = await log(db, { epoch: before });
    const unnamed = await log(db, { epoch: null });
    const named = await log(db, { epoch: current });
    expect(await nextEpoch(db, current)).toBe(before);
    expect((await readPushBatch(db, before, current)).map((e) => e.seq)).toEqual([old]);
    expect((await readPushBatch(db, current, current)).map((e) => e.seq)).toEqual([unnamed, named]);
  });
});
