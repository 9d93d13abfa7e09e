import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { untilWaitingOnLock } from '../../test/held-push';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { loadRecords, lockResidents } from './record-store';

/**
 * Two pushes that name the same records must lock them in one order, or each can hold a row the
 * other waits for (a deadlock, the push retried). loadRecords and lockResidents sort the keys
 * themselves: the order the push names them in, or a repeated name, must not matter.
 */
describeOnBackends('the records a push locks', (backend) => {
  const db = useDatabase(backend);
  const A = '0193a5b2-0000-7000-8000-00000000000a';
  const B = '0193a5b2-0000-7000-8000-00000000000b';

  async function store(county: string, table: string, recordId: string) {
    await sql`
      INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table,
        root_id, version, columns, field_versions, deleted, change_seq, origin_terminal_id,
        updated_at)
      VALUES (${county}, ${table}, ${recordId}, ${`unit-of-${county}`}, ${table}, ${recordId}, 'v',
        '{}'::jsonb, '{}'::jsonb, false, 1, 'terminal', now())`.execute(db());
  }

  /** Holds one record locked in a transaction of its own until release(). */
  async function hold(county: string, table: string, recordId: string) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const done = db()
      .transaction()
      .execute(async (trx) => {
        await sql`SELECT 1 FROM sync_records WHERE county_code = ${county}
          AND table_name = ${table} AND record_id = ${recordId} FOR UPDATE`.execute(trx);
        locked();
        await released;
      });
    await isLocked;
    return { release, done };
  }

  /** Rejects with 55P03 when another transaction holds the record. */
  const tryLock = (county: string, table: string, recordId: string) =>
    db()
      .transaction()
      .execute((trx) =>
        sql`SELECT 1 FROM sync_records WHERE county_code = ${county} AND table_name = ${table}
          AND record_id = ${recordId} FOR UPDATE NOWAIT`.execute(trx),
      );

  // PGlite has one connection: a transaction held open would keep the next one from starting.
  it.skipIf(backend.label === 'PGlite')(
    'loadRecords locks in key order, whatever order the push names them in, its county only',
    async () => {
      const county = `lock-${randomUUID()}`;
      const other = `lock-${randomUUID()}`;
      for (const id of [A, B]) await store(county, 'cases', id);
      await store(other, 'cases', A);

      const holding = await hold(county, 'cases', B);
      const loading = db()
        .transaction()
        .execute((trx) =>
          loadRecords(trx, county, [
            { table: 'cases', recordId: B },
            { table: 'cases', recordId: A },
            { table: 'cases', recordId: B },
          ]),
        );
      try {
        await untilWaitingOnLock(db());
        // Waiting for B, the push already holds A: the order is A, B for every push.
        await expect(tryLock(county, 'cases', A)).rejects.toMatchObject({ code: '55P03' });
        await expect(tryLock(other, 'cases', A)).resolves.toBeDefined();
      } finally {
        holding.release();
      }
      await holding.done;

      const records = await loading;
      expect([...records.keys()].sort()).toEqual([`cases/${A}`, `cases/${B}`]);
      expect([...records.values()].map((record) => record.orgUnitId)).toEqual([
        `unit-of-${county}`,
        `unit-of-${county}`,
      ]);
    },
  );

  it.skipIf(backend.label === 'PGlite')(
    'lockResidents locks in id order, whatever order it is given',
    async () => {
      const county = `lock-${randomUUID()}`;
      for (const id of [A, B]) await store(county, 'residents', id);

      const holding = await hold(county, 'residents', B);
      const locking = db()
        .transaction()
        .execute((trx) => lockResidents(trx, county, [B, A, B]));
      try {
        await untilWaitingOnLock(db());
        await expect(tryLock(county, 'residents', A)).rejects.toMatchObject({ code: '55P03' });
      } finally {
        holding.release();
      }
      await holding.done;
      await locking;
    },
  );
});
