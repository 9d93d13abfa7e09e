import { describe, expect } from 'vitest';
import { counterTest as test } from '../testing/cases';
import { COMPLETE, SETUP_TIMEOUT_MS } from '../testing/township';
import { CLERK } from '@shared/testing/people';
import { migrations } from '../db/migrations';
import { NEW_ADMIN_PASSWORD } from '../testing/harness';

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

  test('restarts on its own time after an edit of a row stamped a year ahead elsewhere', async ({
    harness: h,
    township: { clerk, takeIn, residentId, itemId },
  }) => {
    const YEAR_MS = 365 * 24 * 3600 * 1000;
    const today = () => new Date(h.clock.now()).toISOString().slice(0, 10);
    const versionOf = (caseId: string) =>
      (
        h.backend.runtime.sqlite.prepare('SELECT version FROM cases WHERE id = ?').get(caseId) as {
          version: string;
        }
      ).version;
    const first = await takeIn();
    // As a pull applies it: another township terminal whose PC was a year fast wrote the case last.
    const ahead = `${new Date(h.clock.now() + YEAR_MS).toISOString()}-0000-other-terminal`;
    h.backend.runtime.sqlite
      .prepare('UPDATE cases SET version = ? WHERE id = ?')
      .run(ahead, first.id);

    await h.ok('cases.transition', { caseId: first.id, action: 'start' }, clerk);
    const edited = versionOf(first.id);
    expect(edited > ahead).toBe(true);

    await h.restart();
    const again = await h.ok('auth.signIn', {
      username: CLERK.username,
      password: NEW_ADMIN_PASSWORD,
    });
    const second = await h.ok(
      'cases.intake',
      { residentId, itemId, outcome: 'complete', materials: COMPLETE },
      again.token,
    );
    expect(versionOf(second.id).slice(0, 10)).toBe(today());
    const { clock_floor: floor } = await h.backend.runtime.db
      .selectFrom('sync_state')
      .select('clock_floor')
      .executeTakeFirstOrThrow();
    expect(floor!.slice(0, 10)).toBe(today());

    // The same row edited again still orders after the year-ahead edit, so the hub keeps it.
    await h.ok('cases.transition', { caseId: first.id, action: 'complete' }, again.token);
    expect(versionOf(first.id) > edited).toBe(true);
  });
});
