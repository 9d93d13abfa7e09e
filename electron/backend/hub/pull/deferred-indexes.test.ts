import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { startFaultProxy } from '../../testing/fault-proxy';
import { createHarness, type Harness } from '../../testing/harness';
import {
  terminalsBeforeRecords,
  type TerminalsBeforeRecords,
} from '../../testing/terminals-before-records';
import { deferIndexes } from './deferred-indexes';
import { INDEXES_NOT_REBUILT_MESSAGE, pullRecords, recordHub } from './pull';

const SCENE_TIMEOUT_MS = 300_000;
const RESIDENTS = 40;

type IndexRow = { name: string; tbl_name: string; sql: string | null };

function indexes(sqlite: BetterSqlite3.Database): IndexRow[] {
  return sqlite
    .prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name")
    .all() as IndexRow[];
}

const deferredCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get() as number;

const residentCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT count(*) FROM residents').pluck().get() as number;

/** A new terminal: joined, but no record pulled yet. */
function forgetCursor(h: Harness) {
  h.backend.runtime.sqlite.prepare('UPDATE sync_state SET pull_cursor = NULL').run();
}

/** Samples the index list on every turn of the event loop until stopped: what a clerk's query met. */
function watchIndexes(sqlite: BetterSqlite3.Database) {
  let fewest = Infinity;
  let watching = true;
  const loop = (async () => {
    while (watching) {
      fewest = Math.min(fewest, indexes(sqlite).length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return async () => {
    watching = false;
    await loop;
    return fewest;
  };
}

/** Calls `visit` with the text of every source file of the backend but the tests and migrations. */
function eachSource(visit: (name: string, text: string) => void, dir = join(__dirname, '../..')) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'migrations') eachSource(visit, path);
    } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      visit(entry.name, readFileSync(path, 'utf8'));
    }
  }
}

describe('the indexes a first sync defers', () => {
  it('are named by no query but through indexedBy, which names an index only while it exists', () => {
    // A query writing INDEXED BY itself would fail while a first sync has its index away.
    const writing: string[] = [];
    eachSource((name, text) => {
      if (name === 'named-indexes.ts') return;
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const match of code.matchAll(/\bINDEXED\s+BY\b/gi))
        writing.push(`${match[0]} in ${name}`);
    });
    expect(writing).toEqual([]);
    let namings = 0;
    eachSource((_name, text) => {
      namings += text.match(/indexedBy\(sql`/g)?.length ?? 0;
    });
    // The cases' and disputes' walks, their searches, the hand-out worklist.
    expect(namings).toBeGreaterThanOrEqual(6);
  });

  it('are named as text only where the query hands the name to indexedBy', async () => {
    const h = await createHarness();
    try {
      const { db, sqlite } = h.backend.runtime;
      await deferIndexes(db, sqlite, '2026-01-01T00:00:00.000Z');
      const deferred = sqlite
        .prepare('SELECT name FROM sync_deferred_indexes')
        .pluck()
        .all() as string[];
      expect(deferred).toEqual(
        expect.arrayContaining(['cases_live_org_case_no', 'disputes_live_registered']),
      );
      // The 工作台's worklists and figures and the lists' default orders keep theirs.
      for (const kept of [
        'case_events_case',
        'cases_agency_owner',
        'cases_agent',
        'cases_live_org_created',
        'cases_to_hand_out',
        'disputes_live_org_registered',
      ])
        expect(deferred).not.toContain(kept);
      // A query names an index after INDEXED BY, or holds its name as a string to put there.
      const naming = (name: string) =>
        new RegExp(`INDEXED BY\\s+["'\`]?${name}\\b|['"\`]${name}['"\`]`, 'i');
      const named: string[] = [];
      eachSource((file, text) => {
        if (text.includes('indexedBy(')) return;
        for (const name of deferred) if (naming(name).test(text)) named.push(`${name} in ${file}`);
      });
      expect(named).toEqual([]);
    } finally {
      await h.cleanup();
    }
  });
});

describe('a first sync with its indexes deferred', { timeout: SCENE_TIMEOUT_MS }, () => {
  /** The indexes of a database the migrations made, as a fresh terminal has them. */
  let migrated: IndexRow[];
  /** Terminals joined before the hub had the records: each test takes one. */
  let scene: TerminalsBeforeRecords;
  const newTerminal = (name: string) => {
    const terminal = scene.fresh.get(name)!;
    forgetCursor(terminal.h);
    return terminal;
  };

  beforeAll(async () => {
    scene = await terminalsBeforeRecords(
      [
        'yantou_new',
        'yantou_small',
        'yantou_killed',
        'yantou_cut',
        'yantou_unbuilt',
        'yantou_closing',
      ],
      async (window1, admin1) => {
        for (let i = 0; i < RESIDENTS; i += 1) {
          await window1.ok(
            'residents.create',
            {
              name: `郑居民${i}`,
              docType: 'resident_id',
              docNumber: residentIdNumber(YONGJIA_AREA, '1950-03-04', 100 + i),
              phone: `1380000${String(1000 + i)}`,
              address: '永嘉县岩头镇丽水街 1 号',
            },
            admin1,
          );
        }
      },
    );
    migrated = indexes(scene.window1.backend.runtime.sqlite);
  }, SCENE_TIMEOUT_MS);
  afterAll(async () => {
    await scene?.close();
  });

  it('pulls without the secondary indexes and ends with exactly the schema a migrated database has', async () => {
    const { h, token } = newTerminal('yantou_new');
    const { sqlite } = h.backend.runtime;
    const stop = watchIndexes(sqlite);
    const pulled = await pullRecords(h.backend.runtime, { pageSize: 10, deferIndexesFrom: 20 });
    const fewest = await stop();
    expect(pulled).toMatchObject({ state: 'done', problem: null });
    expect(residentCount(sqlite)).toBe(RESIDENTS);
    // The residents' and the case checklists' indexes, among others, were away meanwhile.
    expect(fewest).toBeLessThan(migrated.length - 8);
    expect(indexes(sqlite)).toEqual(migrated);
    expect(deferredCount(sqlite)).toBe(0);
    const found = await h.ok(
      'residents.search',
      { page: 1, pageSize: 10, query: '郑居民7' },
      token,
    );
    expect(found.rows.map((row) => row.name)).toEqual(['郑居民7']);
  });

  it('keeps the indexes of a pull below the threshold', async () => {
    const { h } = newTerminal('yantou_small');
    const { sqlite } = h.backend.runtime;
    const stop = watchIndexes(sqlite);
    await pullRecords(h.backend.runtime, { pageSize: 10, deferIndexesFrom: RESIDENTS + 1 });
    expect(await stop()).toBe(migrated.length);
    expect(residentCount(sqlite)).toBe(RESIDENTS);
  });

  it('tells the person when a deferred index cannot be built again, and keeps it to build later', async () => {
    const { h } = newTerminal('yantou_unbuilt');
    const { sqlite } = h.backend.runtime;
    // An index whose build fails, as one would on a full disk: it names no column of its table.
    sqlite
      .prepare(
        `INSERT INTO sync_deferred_indexes (name, table_name, sql, dropped_at)
         VALUES ('residents_unbuildable', 'residents',
           'CREATE INDEX residents_unbuildable ON residents (no_such_column)', '2026-12-07T00:00:00Z')`,
      )
      .run();
    const pulled = await pullRecords(h.backend.runtime, {
      pageSize: 10,
      deferIndexesFrom: RESIDENTS + 1,
    });
    expect(pulled.state).toBe('failed');
    expect(pulled.problem).toContain(INDEXES_NOT_REBUILT_MESSAGE);
    expect(residentCount(sqlite)).toBe(RESIDENTS);
    expect(deferredCount(sqlite)).toBe(1);
  });

  it('builds the indexes a killed first sync left dropped when the database is opened again', async () => {
    const { h } = newTerminal('yantou_killed');
    const rt = h.backend.runtime;
    const dropped = await deferIndexes(rt.db, rt.sqlite, rt.stamper.nowIso());
    expect(dropped).toBeGreaterThan(8);
    expect(indexes(rt.sqlite).length).toBe(migrated.length - dropped);
    // The process stops here: nothing of the pull's end runs.
    await h.restart();
    expect(indexes(h.backend.runtime.sqlite)).toEqual(migrated);
    expect(deferredCount(h.backend.runtime.sqlite)).toBe(0);
    const pulled = await pullRecords(h.backend.runtime, { pageSize: 10, deferIndexesFrom: 20 });
    expect(pulled.state).toBe('done');
    expect(residentCount(h.backend.runtime.sqlite)).toBe(RESIDENTS);
    expect(indexes(h.backend.runtime.sqlite)).toEqual(migrated);
  });

  it('stops building deferred indexes once the backend closes, and the next open builds the rest', async () => {
    const { h } = newTerminal('yantou_closing');
    const rt = h.backend.runtime;
    const dropped = await deferIndexes(rt.db, rt.sqlite, rt.stamper.nowIso());
    expect(dropped).toBeGreaterThan(8);
    const pull = pullRecords(rt, { pageSize: 10, deferIndexesFrom: RESIDENTS + 1 });
    // The quit comes while the pull's end builds the indexes again, after the first of them.
    while (deferredCount(rt.sqlite) === dropped) await new Promise((r) => setImmediate(r));
    rt.closing = true;
    expect(await pull).toMatchObject({ state: 'done', problem: null });
    const left = deferredCount(rt.sqlite);
    expect(left).toBeGreaterThan(dropped - 3);
    expect(indexes(rt.sqlite).length).toBe(migrated.length - left);
    await h.restart();
    expect(indexes(h.backend.runtime.sqlite)).toEqual(migrated);
    expect(deferredCount(h.backend.runtime.sqlite)).toBe(0);
    expect(residentCount(h.backend.runtime.sqlite)).toBe(RESIDENTS);
  });

  it('a first sync cut after a page gets its indexes back, resumes with them, and a repeated pull changes nothing', async () => {
    const { h } = newTerminal('yantou_cut');
    // The connection drops before the hub sees any pull request after the first two.
    let pulls = 0;
    const relay = await startFaultProxy(scene.hub.url, ({ path }) =>
      new URL(path, 'http://relay').pathname.endsWith('/pull') && (pulls += 1) > 2
        ? { kind: 'cutBefore' }
        : { kind: 'pass' },
    );
    try {
      const rt = h.backend.runtime;
      const options = { ...(await recordHub(rt))!, baseUrl: relay.url };
      const cut = await pullRecords(rt, { hub: options, pageSize: 10, deferIndexesFrom: 20 });
      expect(cut.state).toBe('unreachable');
      expect(residentCount(rt.sqlite)).toBeGreaterThan(0);
      expect(residentCount(rt.sqlite)).toBeLessThan(RESIDENTS);
      expect(indexes(rt.sqlite)).toEqual(migrated);

      const stop = watchIndexes(rt.sqlite);
      const resumed = await pullRecords(rt, { pageSize: 10, deferIndexesFrom: 20 });
      // A cursor is stored: this is no first sync, the indexes stay.
      expect(await stop()).toBe(migrated.length);
      expect(resumed.state).toBe('done');
      expect(residentCount(rt.sqlite)).toBe(RESIDENTS);

      const again = await pullRecords(rt, { pageSize: 10, deferIndexesFrom: 20 });
      expect(again).toMatchObject({ state: 'done', applied: 0 });
      expect(indexes(rt.sqlite)).toEqual(migrated);
    } finally {
      await relay.close();
    }
  });
});
