/**
 * What the change log's sync bookkeeping (issue 15) costs the counter, on a real SQLite file with
 * synchronous=FULL: the intake save (cases.intake: the case, its checklist and its timeline entry,
 * one outbox entry each, each raising the clock's floor to the clock's position); the floor raise
 * alone as the write module does it, beside the outbox trigger that raised it before (to an entry's
 * version, which an update stepped past a base far ahead must not move); and the epoch read each use
 * case's transaction adds, timed alone.
 * Run: npm run bench:change-log [-- --runs 300]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { raiseClockFloor } from '../electron/backend/core/clock-floor';
import { createHarness } from '../electron/backend/testing/harness';
import { COMPLETE, counterScene } from '../electron/backend/testing/township';
import { countFlag } from './lib/args';
import { row } from './lib/stats';

const RUNS = countFlag('runs', 300);
const WARM_UP = 25;

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
    for (let run = 0; run < WARM_UP; run++) await intake();
    const saves: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await intake();
      saves.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerSave = (cpu.user + cpu.system) / RUNS;

    // Per entry, in one transaction that rolls back: the old trigger on the outbox insert, and the
    // write module's floor raise after a plain insert.
    const COUNT = 20_000;
    const perEntry = async (label: string, raise: boolean): Promise<string> => {
      const insert = h.backend.runtime.sqlite.prepare(
        `INSERT INTO outbox (table_name, record_id, op, payload, base_version, version, org_unit_id,
          created_at) VALUES ('cases', 'x', 'update', '{}', NULL, ?, 'u', '2026-12-07T00:00:00.000Z')`,
      );
      const started = performance.now();
      const cpuAtStart = process.cpuUsage();
      await db
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < COUNT; i++) {
            const version = `9999-12-31T00:00:00.000Z-${i.toString(16).padStart(4, '0')}-x`;
            insert.run(version);
            if (raise) await raiseClockFloor(trx, version);
          }
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const us = ((performance.now() - started) * 1000) / COUNT;
      const used = process.cpuUsage(cpuAtStart);
      const cpuUs = (used.user + used.system) / COUNT;
      return `outbox insert, ${label}: ${us.toFixed(1)} µs each, ${cpuUs.toFixed(1)} µs CPU (${COUNT} in one transaction)`;
    };
    await CREATE_TRIGGER.execute(db);
    const withTrigger = await perEntry('old clock-floor trigger', false);
    await sql`DROP TRIGGER outbox_raises_clock_floor`.execute(db);
    const withRaise = await perEntry('floor raised by the write module', true);
    const bare = await perEntry('nothing else', false);

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
    console.log(row('intake save', saves, null));
    console.log(`intake save: ${(cpuPerSave / 1000).toFixed(2)} ms CPU of this process each`);
    console.log(row('epoch read (once per use case)', epochRead, null));
    console.log(withTrigger);
    console.log(withRaise);
    console.log(bare);
  } finally {
    await h.cleanup();
  }
}

void main();
