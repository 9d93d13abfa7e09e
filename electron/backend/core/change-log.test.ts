import { describe, expect } from 'vitest';
import { counterTest as test } from '../testing/cases';
import { SETUP_TIMEOUT_MS } from '../testing/township';
import { migrations } from '../db/migrations';

/** What the sync needs of each outbox entry (issue 15): who wrote it together, what, with which schema. */
describe('the change log', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('numbers each use case as one transaction and lists only the columns an update set', async ({
    harness: h,
    township: { clerk, takeIn },
  }) => {
    const db = h.backend.runtime.db;
    const { epoch } = await db.selectFrom('sync_state').select('epoch').executeTakeFirstOrThrow();
    const { seq: last } = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();

    const accepted = await takeIn();
    await h.ok('cases.transition', { caseId: accepted.id, action: 'start' }, clerk);

    const entries = await db
      .selectFrom('outbox')
      .selectAll()
      .where('seq', '>', last ?? 0)
      .orderBy('seq')
      .execute();
    const intake = entries.filter((entry) => entry.tx_id === entries[0]!.tx_id);
    const start = entries.filter((entry) => entry.tx_id !== entries[0]!.tx_id);
    // The intake: the case, its checklist and its timeline entry, all new, all one transaction.
    expect(intake.map((entry) => entry.table_name)).toEqual([
      'cases',
      ...intake.slice(1, -1).map(() => 'case_materials'),
      'case_events',
    ]);
    expect(intake.every((entry) => entry.op === 'insert' && entry.changed_columns === null)).toBe(
      true,
    );
    // The start: another transaction, one id for the case's update and its timeline entry.
    expect(start.map((entry) => [entry.table_name, entry.op])).toEqual([
      ['cases', 'update'],
      ['case_events', 'insert'],
    ]);
    expect(new Set(start.map((entry) => entry.tx_id)).size).toBe(1);
    expect(start[0]!.tx_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    // Only what the step set: an older terminal's entry can never blank a column it does not know.
    expect(JSON.parse(start[0]!.changed_columns!)).toEqual([
      'handler_id',
      'state',
      'updated_at',
      'updated_by',
      'version',
    ]);
    // The payload stays the whole row.
    expect(JSON.parse(start[0]!.payload)).toMatchObject({
      id: accepted.id,
      state: 'processing',
      case_no: accepted.caseNo,
    });
    expect(start[0]!.base_version).toBe(intake[0]!.version);
    for (const entry of entries) {
      expect(entry.schema_version).toBe(migrations.length);
      expect(entry.epoch).toBe(epoch);
    }
  });

  test('keeps the clock above every version it issued, after the outbox is pruned', async ({
    harness: h,
    township: { takeIn },
  }) => {
    await takeIn();
    const db = h.backend.runtime.db;
    const { version: highest } = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirstOrThrow();
    const { clock_floor: floor } = await db
      .selectFrom('sync_state')
      .select('clock_floor')
      .executeTakeFirstOrThrow();
    expect(floor).toBe(highest);

    // A push that prunes what the hub took, then the PC's clock set back a day and a restart.
    await db.deleteFrom('outbox').execute();
    h.clock.advance(-24 * 60 * 60 * 1000);
    await h.restart();

    const next = h.backend.runtime.stamper.nextVersion();
    expect(next > highest!).toBe(true);
  });
});
