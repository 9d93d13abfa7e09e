import { randomUUID } from 'node:crypto';
import type { PullResponse } from '@shared/sync/records-contract';
import { afterEach, expect, it } from 'vitest';
import { holdAfterNumbering, untilWaitingOnLock } from '../../test/held-push';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { syncCounty, type SyncTerminal } from '../../test/sync-county';
import { caseRow, insert, resident } from '../../test/terminal-log';
import { pullPageBody } from '../record-pull';
import { authenticate } from '../terminals';
import { pushChanges } from './push';

/**
 * Change numbers commit in order (record-store.ts, writeNumberedFeed): a pull that follows its
 * cursor while terminals push never skips a change that commits later with a smaller number.
 */
describeOnBackends('the order in which pushes commit their change numbers', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  const callerOf = (terminal: SyncTerminal) =>
    authenticate(db(), county.hub.countyCode, terminal.token, '0.1.0', county.hub.clock.now);

  /**
   * A new resident and a counter case, two use cases; returns the case's id. Each resident has a
   * document of its own: two of one document would merge, and the re-pointed case would reach the
   * pull a second time, as the hub's own change.
   */
  let residents = 0;
  function newCase(terminal: SyncTerminal) {
    const residentId = randomUUID();
    const caseId = randomUUID();
    const doc = `330302198001${String((residents += 1)).padStart(6, '0')}`;
    const entries = [
      ...terminal.log.tx(insert('residents', residentId, { ...resident(), doc_number: doc })),
      ...terminal.log.tx(insert('cases', caseId, caseRow(residentId))),
    ];
    return { caseId, entries };
  }

  async function push(terminal: SyncTerminal, entries: ReturnType<typeof newCase>['entries']) {
    const caller = await callerOf(terminal);
    return pushChanges(
      db(),
      county.hub.countyCode,
      caller,
      { epoch: terminal.log.epoch, entries },
      county.hub.clock.now,
    );
  }

  /** The county centre reads every case: it pulls from `after` to the end, as its terminal does. */
  async function drain(after: string | undefined, seen: string[]) {
    const caller = await callerOf(county.centre);
    let cursor = after;
    for (;;) {
      const body = await pullPageBody(db(), county.hub.countyCode, caller, {
        ...(cursor === undefined ? {} : { after: cursor }),
        limit: 7,
      });
      const page = JSON.parse(body.toString('utf8')) as PullResponse;
      for (const record of page.records) if (record.table === 'cases') seen.push(record.recordId);
      cursor = page.cursor;
      if (!page.more) return cursor;
    }
  }

  it.skipIf(backend.label === 'PGlite')(
    'lets a pull that runs beside four terminals’ pushes see every case exactly once',
    async () => {
      county = await syncCounty(db());
      const pushers = [county.window1, county.window2, county.village, county.north];
      const pushed: string[] = [];
      const seen: string[] = [];
      let done = false;
      const pulling = (async () => {
        let cursor: string | undefined;
        while (!done) cursor = await drain(cursor, seen);
        return cursor;
      })();
      await Promise.all(
        pushers.map(async (terminal) => {
          for (let round = 0; round < 12; round += 1) {
            const cases = [newCase(terminal), newCase(terminal)];
            await push(
              terminal,
              cases.flatMap((c) => c.entries),
            );
            pushed.push(...cases.map((c) => c.caseId));
          }
        }),
      );
      done = true;
      await drain(await pulling, seen);
      expect(seen.length).toBe(pushed.length);
      expect(new Set(seen)).toEqual(new Set(pushed));
    },
  );

  // PGlite has one connection: a transaction held open would keep the second push from starting.
  it.skipIf(backend.label === 'PGlite')(
    'keeps a later push from committing while an earlier one holds its smaller numbers',
    async () => {
      county = await syncCounty(db());
      const seen: string[] = [];
      const start = await drain(undefined, seen);

      // The window's push stops after it has taken its numbers, before its commit.
      const held = holdAfterNumbering();
      const first = newCase(county.window1);
      const caller = await callerOf(county.window1);
      const firstPush = pushChanges(
        db().withPlugin(held.plugin),
        county.hub.countyCode,
        caller,
        { epoch: county.window1.log.epoch, entries: first.entries },
        county.hub.clock.now,
      );
      await held.numbered;

      const second = newCase(county.north);
      let secondDone = false;
      const secondPush = push(county.north, second.entries).then(() => (secondDone = true));
      // It commits, or waits for the window's numbers: only the second keeps the promise.
      await Promise.race([secondPush, untilWaitingOnLock(db())]);
      const during = await drain(start, seen);
      expect(seen).toEqual([]);
      expect(secondDone).toBe(false);

      held.release();
      await Promise.all([firstPush, secondPush]);
      await drain(during, seen);
      expect(seen).toEqual([first.caseId, second.caseId]);
    },
  );

  /** Until a session of this database waits for a row lock (the second push, at the numbering). */
});
