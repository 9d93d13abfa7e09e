import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord } from '@shared/sync/records-contract';
import { CLERK, residentIdNumber, VILLAGE_AGENT } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { watchPowerCutImage } from '../../testing/power-cut';
import { pulledFromOutbox } from '../../testing/pulled-records';
import { moveClockTo, SETUP_TIMEOUT_MS, setUpDemoTownship, signInAs } from '../../testing/township';
import { openSqlite } from '../../db/connection';
import { syncMarked } from './outbox-durability';
import { applyPage } from './pull';

/*
 * 东城街道's window pulls what a village agent registered: 冯大妈, whom the window registered the day
 * before (so the pull merges the two records and sends the merge up as the window's own change), and
 * two people the window has never seen. A power cut may come at any moment after a page is applied;
 * the pusher may send the outbox as soon as the page lets go of the connection.
 */

const FENG = residentIdNumber(YONGJIA_AREA, '1949-11-23', 62);

let township: Harness;
let pulled: PulledRecord[];

const outboxSeqs = (sqlite: Harness['backend']['runtime']['sqlite']) =>
  sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[];

describe('a pulled page and the power cut', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    township = await createHarness();
    const village = await createHarness();
    moveClockTo(township, '2025-09-20T01:00:00.000Z', []);
    moveClockTo(village, '2025-09-21T01:00:00.000Z', []);
    const t = await setUpDemoTownship(township);
    const clerk = await signInAs(township, t.admin, CLERK);
    const feng = { name: '冯大妈', docType: 'resident_id', docNumber: FENG } as const;
    await township.ok('residents.create', { ...feng, address: '东城街道城东路 3 号' }, clerk);
    const v = await setUpDemoTownship(village);
    const agent = await signInAs(village, v.admin, { ...VILLAGE_AGENT, orgUnitId: v.villageId });
    for (const [name, day] of [
      ['郑阿公', '1951-04-17'],
      ['王小妹', '1990-02-03'],
    ] as const) {
      const docNumber = residentIdNumber(YONGJIA_AREA, day, 88);
      await village.ok('residents.create', { name, docType: 'resident_id', docNumber }, agent);
    }
    await village.ok('residents.create', { ...feng, phone: '13812345678' }, agent);
    pulled = (await pulledFromOutbox(village, 'reader')).filter((r) => r.table === 'residents');
    await village.cleanup();
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await township?.cleanup();
  });

  it('syncs nothing for a page of residents that merges none', async () => {
    const { runtime } = township.backend;
    const strangers = pulled.filter((r) => r.columns.doc_number !== FENG);
    expect(strangers).toHaveLength(2);
    const image = watchPowerCutImage(runtime.sqlite);
    try {
      const before = outboxSeqs(runtime.sqlite);
      const outcome = await applyPage(runtime, { records: strangers, cursor: 'p1' });
      expect(outcome.inserted).toBe(2);
      expect(outboxSeqs(runtime.sqlite)).toEqual(before);
      // Lost to a power cut, the page is pulled again with its cursor: no fsync was paid for it.
      expect(image.syncs).toBe(0);
      expect(runtime.unsyncedOutbox.marked).toBe(false);
    } finally {
      image.stop();
    }
  });

  it('makes the entries of a merge durable before the pusher can read them', async () => {
    const { runtime } = township.backend;
    const image = watchPowerCutImage(runtime.sqlite);
    try {
      const before = outboxSeqs(runtime.sqlite);
      await applyPage(runtime, {
        records: pulled.filter((r) => r.columns.doc_number === FENG),
        cursor: 'p2',
      });
      const written = outboxSeqs(runtime.sqlite).filter((seq) => !before.includes(seq));
      expect(written.length).toBeGreaterThan(0);
      const after = image.open();
      try {
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(outboxSeqs(after)).toEqual(expect.arrayContaining(written));
        expect(after.prepare('SELECT pull_cursor FROM sync_state').pluck().get()).toBe('p2');
      } finally {
        after.close();
      }
      expect(runtime.unsyncedOutbox.marked).toBe(false);
    } finally {
      image.stop();
    }
  });

  it('syncs after a slice that merged nobody while an earlier slice’s sync is still owed', async () => {
    const { runtime } = township.backend;
    const image = watchPowerCutImage(runtime.sqlite);
    try {
      // As an earlier slice leaves it when its sync write fails (a full disk).
      runtime.unsyncedOutbox.mark();
      const nobody = { records: [], cursor: 'p3' };
      await applyPage(runtime, nobody);
      expect(image.syncs).toBeGreaterThan(0);
      expect(runtime.unsyncedOutbox.marked).toBe(false);
    } finally {
      image.stop();
    }
  });

  it('has the pusher sync what the pull’s thread committed and has not synced yet', async () => {
    const { runtime } = township.backend;
    const image = watchPowerCutImage(runtime.sqlite);
    // The pull's thread: its own connection, a slice under way and committed at NORMAL.
    const pullThread = openSqlite(runtime.databaseFile);
    try {
      runtime.unsyncedOutbox.mark();
      pullThread.pragma('synchronous = NORMAL');
      const columns = (pullThread.pragma('table_info(outbox)') as { name: string }[])
        .map((column) => `"${column.name}"`)
        .filter((name) => name !== '"seq"')
        .join(', ');
      const copied = pullThread
        .prepare(
          `INSERT INTO outbox (${columns}) SELECT ${columns} FROM outbox ORDER BY seq DESC LIMIT 1`,
        )
        .run().lastInsertRowid as number;
      const imageHas = () => {
        const after = image.open();
        try {
          return outboxSeqs(after).includes(copied);
        } finally {
          after.close();
        }
      };
      syncMarked(runtime.sqlite, runtime.unsyncedOutbox);
      expect(imageHas()).toBe(true);

      runtime.unsyncedOutbox.clear();
      const syncs = image.syncs;
      syncMarked(runtime.sqlite, runtime.unsyncedOutbox);
      expect(image.syncs).toBe(syncs);
    } finally {
      pullThread.close();
      image.stop();
    }
  });
});
