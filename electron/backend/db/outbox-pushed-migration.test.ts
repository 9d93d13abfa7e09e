import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { countWaiting, nextEpoch, readPushBatch } from '../hub/push-entries';
import { openDatabase, type DatabaseHandle } from './connection';
import { migrate } from './migrate';
import { migrations } from './migrations';

const MIGRATION = '2026_12_09_0215_outbox_pushed_through';
const now = () => '2026-12-09T02:15:00.000Z';
const OLD_EPOCH = '0193a000-0000-7000-8000-0000000000e0';

describe(MIGRATION, () => {
  let dir: string;
  let handle: DatabaseHandle;

  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A log as the push left it before the marks: some entries stamped pushed_at, some waiting. */
  async function loggedBefore(
    entries: { table?: string; pushed?: boolean; epoch?: string | null }[],
  ): Promise<{ seqs: number[]; current: string }> {
    dir = mkdtempSync(join(tmpdir(), 'desk-migration-'));
    handle = openDatabase(join(dir, 'desk.sqlite'));
    const db = handle.db as unknown as Kysely<unknown>;
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === MIGRATION),
    );
    await migrate(db, before, now, async () => {});
    const { epoch: current } = await handle.db
      .selectFrom('sync_state')
      .select('epoch')
      .executeTakeFirstOrThrow();
    const seqs: number[] = [];
    for (const [i, entry] of entries.entries()) {
      const { seq } = await handle.db
        .insertInto('outbox')
        .values({
          table_name: entry.table ?? 'cases',
          record_id: `0193a000-0000-7000-8000-00000000000${i}`,
          op: 'insert',
          payload: '{}',
          base_version: null,
          version: `v${i}`,
          org_unit_id: 'unit',
          created_at: '2026-12-08T01:00:00.000Z',
          pushed_at: entry.pushed ? '2026-12-08T01:00:01.000Z' : null,
          tx_id: null,
          changed_columns: null,
          schema_version: 40,
          epoch: entry.epoch === undefined ? current : entry.epoch,
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      seqs.push(seq);
    }
    expect(await migrate(db, migrations, now, async () => {})).toContain(MIGRATION);
    return { seqs, current };
  }

  it('keeps waiting what waited and pushed what was pushed, in every epoch', async () => {
    const { seqs, current } = await loggedBefore([
      { epoch: OLD_EPOCH, pushed: true },
      { epoch: OLD_EPOCH },
      { pushed: true },
      { table: 'users' },
      { pushed: true },
      {},
      // Stamped out of turn: stays pushed, though above its epoch's mark.
      { pushed: true },
      { epoch: null },
    ]);
    const [, oldWaiting, , , , waiting, , unnamed] = seqs;
    expect(
      await handle.db.selectFrom('outbox_pushed').selectAll().orderBy('epoch').execute(),
    ).toEqual(
      [
        { epoch: OLD_EPOCH, through: seqs[0] },
        { epoch: current, through: seqs[4] },
      ].sort((a, b) => a.epoch.localeCompare(b.epoch)),
    );
    expect(await countWaiting(handle.db)).toBe(3);
    expect(await nextEpoch(handle.db)).toBe(OLD_EPOCH);
    expect(readPushBatch(handle.sqlite, OLD_EPOCH).map((e) => e.seq)).toEqual([oldWaiting]);
    expect(readPushBatch(handle.sqlite, current).map((e) => e.seq)).toEqual([waiting, unnamed]);
  });

  it('gives a log with nothing pushed yet a mark before its first entry', async () => {
    const { seqs, current } = await loggedBefore([{}, {}]);
    expect(await countWaiting(handle.db)).toBe(2);
    expect(readPushBatch(handle.sqlite, current).map((e) => e.seq)).toEqual(seqs);
  });
});
