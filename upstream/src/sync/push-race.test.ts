import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { holdAfterNumbering, untilWaitingOnLock } from '../../test/held-push';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { feedOf, hubRecord, syncCounty, type SyncTerminal } from '../../test/sync-county';
import { caseRow, insert, resident } from '../../test/terminal-log';
import { authenticate } from '../terminals';
import { pushChanges } from './push';

/**
 * A push inserts the records it creates without ON CONFLICT (record-store.ts, writeRecords): a record
 * another push created meanwhile is not overwritten, the later push runs again and is decided
 * against it.
 */
describeOnBackends('two pushes that create the same record', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  const callerOf = (terminal: SyncTerminal) =>
    authenticate(db(), county.hub.countyCode, terminal.token, '0.1.0', county.hub.clock.now);

  function newCase(terminal: SyncTerminal, caseId: string, doc: string) {
    const residentId = randomUUID();
    return [
      ...terminal.log.tx(insert('residents', residentId, { ...resident(), doc_number: doc })),
      ...terminal.log.tx(insert('cases', caseId, caseRow(residentId, { result_note: doc }))),
    ];
  }

  // PGlite has one connection: a transaction held open would keep the second push from starting.
  it.skipIf(backend.label === 'PGlite')(
    'keeps the first one’s record and refuses the other township’s, which may not change it',
    async () => {
      county = await syncCounty(db());
      const caseId = randomUUID();

      // The window's push stops after it has taken its numbers, its case inserted, not committed.
      const held = holdAfterNumbering();
      const first = newCase(county.window1, caseId, '330302198001010011');
      const firstPush = pushChanges(
        db().withPlugin(held.plugin),
        county.hub.countyCode,
        await callerOf(county.window1),
        { epoch: county.window1.log.epoch, entries: first },
        county.hub.clock.now,
      );
      await held.numbered;

      // Another township's terminal sends a case of the same id: it read no such record.
      const second = newCase(county.north, caseId, '330302198001010022');
      const secondPush = pushChanges(
        db(),
        county.hub.countyCode,
        await callerOf(county.north),
        { epoch: county.north.log.epoch, entries: second },
        county.hub.clock.now,
      );
      await untilWaitingOnLock(db());
      held.release();
      const [firstAnswer, secondAnswer] = await Promise.all([firstPush, secondPush]);

      expect(firstAnswer.rejections).toEqual([]);
      expect(secondAnswer.decidedThrough).toBe(second.at(-1)!.seq);
      expect(secondAnswer.rejections.map((r) => r.seq)).toEqual([second[1]!.seq]);
      const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
      expect(stored?.org_unit_id).toBe(county.window1.log.unitId);
      expect(stored?.columns.result_note).toBe('330302198001010011');
      expect(await feedOf(db(), county.hub.countyCode, county.north.log.unitId)).not.toContain(
        `cases/${caseId}`,
      );
    },
  );

  /** Until a session of this database waits for a lock (the second push, at the case's key). */
});
