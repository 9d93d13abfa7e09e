/**
 * What the change log's sync bookkeeping (issue 15) costs the counter, on a real SQLite file with
 * synchronous=FULL: the intake save (cases.intake: the case, its checklist and its timeline entry,
 * one outbox entry each) timed whole with the clock-floor trigger on the outbox and, alternating in
 * blocks on the same database, with it dropped; and the epoch read each use case's transaction adds,
 * timed alone.
 * Run: npm run bench:change-log [-- --runs 300]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createHarness } from '../electron/backend/testing/harness';
import { COMPLETE, counterScene } from '../electron/backend/testing/township';
import { countFlag } from './lib/args';
import { row } from './lib/stats';

const RUNS = countFlag('runs', 300);
const BLOCK = 25;

const CREATE_TRIGGER = sql`CREATE TRIGGER outbox_raises_clock_floor AFTER INSERT ON outbox
  BEGIN
    UPDATE sync_state SET clock_floor = NEW.version
      WHERE id = 1 AND (clock_floor IS NULL OR clock_floor < NEW.version);
  END`;

async function main(): Promise<void> {
  const h = await createHarness();
  try {
    const { clerk, itemId, residentId } = await counterScene(h);
    const { db } = h.backend.runtime;
    const intake = () =>
      h.ok('cases.intake', { residentId, itemId, outcome: 'complete', materials: COMPLETE }, clerk);
    for (let run = 0; run < BLOCK; run++) await intake();
    const timed = { with: [] as number[], without: [] as number[] };
    for (let run = 0; run < 2 * RUNS; run++) {
      const withTrigger = Math.floor(run / BLOCK) % 2 === 0;
      if (run % BLOCK === 0) {
        await sql`DROP TRIGGER IF EXISTS outbox_raises_clock_floor`.execute(db);
        if (withTrigger) await CREATE_TRIGGER.execute(db);
      }
      const started = performance.now();
      await intake();
      timed[withTrigger ? 'with' : 'without'].push(performance.now() - started);
    }

    // The trigger alone: outbox inserts in one transaction that rolls back, with and without it.
    const perInsert = (label: string): string => {
      const insert = h.backend.runtime.sqlite.prepare(
        `INSERT INTO outbox (table_name, record_id, op, payload, base_version, version, org_unit_id,
          created_at) VALUES ('cases', 'x', 'update', '{}', NULL, ?, 'u', '2026-12-07T00:00:00.000Z')`,
      );
      const count = 20_000;
      h.backend.runtime.sqlite.exec('BEGIN');
      const started = performance.now();
      for (let i = 0; i < count; i++)
        insert.run(`9999-12-31T00:00:00.000Z-${i.toString(16).padStart(4, '0')}-x`);
      const us = ((performance.now() - started) * 1000) / count;
      h.backend.runtime.sqlite.exec('ROLLBACK');
      return `outbox insert, ${label}: ${us.toFixed(1)} µs each (${count} in one transaction)`;
    };
    await CREATE_TRIGGER.execute(db);
    const withTrigger = perInsert('clock-floor trigger');
    await sql`DROP TRIGGER outbox_raises_clock_floor`.execute(db);
    const withoutTrigger = perInsert('no trigger');

    const epochRead: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await db.selectFrom('sync_state').select('epoch').where('id', '=', 1).executeTakeFirst();
      epochRead.push(performance.now() - started);
    }

    const entries = await db
      .selectFrom('outbox')
      .select('tx_id')
      .where('table_name', '=', 'cases')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
      .then(({ tx_id }) =>
        db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tx_id', '=', tx_id)
          .executeTakeFirstOrThrow(),
      );
    console.log(
      `change log bookkeeping: ${entries.n} outbox entries per intake, ${RUNS} runs each`,
    );
    console.log(row('intake save, clock-floor trigger', timed.with, null));
    console.log(row('intake save, no trigger', timed.without, null));
    console.log(row('epoch read (once per use case)', epochRead, null));
    console.log(withTrigger);
    console.log(withoutTrigger);
  } finally {
    await h.cleanup();
  }
}

void main();
