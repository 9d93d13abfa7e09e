import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { startFaultProxy } from '../../testing/fault-proxy';
import {
  terminalsBeforeRecords,
  type TerminalsBeforeRecords,
} from '../../testing/terminals-before-records';
import { APPLY_FAILED_MESSAGE, LOCAL_BUSY_MESSAGE, pullProgress, pullRecords } from './pull';
import { pullThreadStarts, stopPullThreads } from './pull-thread';

const SCENE_TIMEOUT_MS = 300_000;
const RESIDENTS = 120;

const resident = (i: number, born = '1961-05-06') => ({
  name: `吴居民${i}`,
  docType: 'resident_id' as const,
  docNumber: residentIdNumber(YONGJIA_AREA, born, 100 + i),
  phone: `1390000${String(1000 + i)}`,
  address: '永嘉县岩头镇丽水街 2 号',
});

const residentCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT count(*) FROM residents').pluck().get() as number;

const cursorOf = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT pull_cursor FROM sync_state').pluck().get() as string | null;

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the record pull in its own thread', { timeout: SCENE_TIMEOUT_MS }, () => {
  /**
   * Terminals joined before the hub had the records: each test takes one. The clerk's saves reach
   * the hub (pushed in the background), so the test that counts what a pull brings runs first.
   */
  let scene: TerminalsBeforeRecords;
  const newTerminal = (name: string) => scene.fresh.get(name)!;

  beforeAll(async () => {
    scene = await terminalsBeforeRecords(
      ['yantou_clerk', 'yantou_stopped', 'yantou_idle', 'yantou_closing', 'yantou_busy'],
      async (window1, admin1) => {
        for (let i = 0; i < RESIDENTS; i += 1)
          await window1.ok('residents.create', resident(i), admin1);
      },
    );
  }, SCENE_TIMEOUT_MS);
  afterAll(async () => {
    await scene?.close();
  });

  it('a thread ended mid-pull says so, keeps what it committed with its cursor, and the next pull resumes', async () => {
    const { h } = newTerminal('yantou_stopped');
    const rt = h.backend.runtime;
    const pull = pullRecords(rt, { pageSize: 10 });
    while (pullProgress(rt).applied < 20) await nextTurn();
    await stopPullThreads(rt);
    const stopped = await pull;
    expect(stopped.state).toBe('failed');
    expect(stopped.problem).toContain(APPLY_FAILED_MESSAGE);
    const kept = residentCount(rt.sqlite);
    expect(kept).toBeGreaterThanOrEqual(20);
    expect(kept).toBeLessThan(RESIDENTS);
    expect(cursorOf(rt.sqlite)).not.toBeNull();
    expect(rt.sqlite.pragma('quick_check', { simple: true })).toBe('ok');

    const resumed = await pullRecords(rt, { pageSize: 10 });
    expect(resumed).toMatchObject({ state: 'done', problem: null });
    expect(residentCount(rt.sqlite)).toBe(RESIDENTS);
    const again = await pullRecords(rt, { pageSize: 10 });
    expect(again).toMatchObject({ state: 'done', applied: 0 });
  });

  it('starts no thread when the hub has nothing new, and still stores when it asked', async () => {
    const { h } = newTerminal('yantou_idle');
    const rt = h.backend.runtime;
    const lastPull = () =>
      rt.sqlite.prepare('SELECT pull_cursor, last_pull_at FROM sync_state').get() as {
        pull_cursor: string | null;
        last_pull_at: string | null;
      };
    const starts = pullThreadStarts(rt);
    expect(await pullRecords(rt)).toMatchObject({ state: 'done', applied: RESIDENTS });
    expect(pullThreadStarts(rt)).toBe(starts + 1);
    const pulled = lastPull();
    h.clock.advance(60_000);

    expect(await pullRecords(rt)).toEqual({ state: 'done', applied: 0, problem: null });
    expect(pullThreadStarts(rt)).toBe(starts + 1);
    expect(pullProgress(rt)).toMatchObject({ running: false, applied: 0, held: 0 });
    const idle = lastPull();
    expect(idle.pull_cursor).toBe(pulled.pull_cursor);
    expect(idle.last_pull_at! > pulled.last_pull_at!).toBe(true);
    expect(residentCount(rt.sqlite)).toBe(RESIDENTS);
  });

  it('starts no thread for a first page that arrives while the backend closes, and the next start pulls it all', async () => {
    const { h } = newTerminal('yantou_closing');
    const rt = h.backend.runtime;
    let asked = false;
    const proxy = await startFaultProxy(scene.hub.url, () => {
      asked = true;
      return { kind: 'delay', ms: 1_000 };
    });
    try {
      const hubVia = { baseUrl: proxy.url, token: rt.hubTokens.read()!, appVersion: rt.appVersion };
      const pull = pullRecords(rt, { hub: hubVia });
      while (!asked) await nextTurn();
      await h.restart();
      expect(await pull).toMatchObject({ state: 'failed', applied: 0 });
      expect((await pull).problem).toContain('软件正在关闭');
      expect(pullThreadStarts(rt)).toBe(0);
    } finally {
      await proxy.close();
    }
    // The reopened backend's own sync cycle may get there first.
    const reopened = h.backend.runtime;
    expect(await pullRecords(reopened)).toMatchObject({ state: 'done', problem: null });
    expect(residentCount(reopened.sqlite)).toBe(RESIDENTS);
  });

  it('blames the busy local database, not the hub, when another writer holds it past the wait', async () => {
    const { h } = newTerminal('yantou_busy');
    const rt = h.backend.runtime;
    const other = new BetterSqlite3(rt.databaseFile);
    try {
      other.exec('BEGIN IMMEDIATE');
      const pulled = await pullRecords(rt, { pageSize: 10 });
      expect(pulled).toMatchObject({ state: 'failed', applied: 0 });
      expect(pulled.problem).toBe(`${LOCAL_BUSY_MESSAGE}（database is locked）`);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(await pullRecords(rt, { pageSize: 10 })).toMatchObject({ state: 'done', problem: null });
    expect(residentCount(rt.sqlite)).toBe(RESIDENTS);
  });

  it('lets the clerk save on the backend’s thread while it writes, with versions unique and in order', async () => {
    const { h, token } = newTerminal('yantou_clerk');
    const rt = h.backend.runtime;
    const pull = pullRecords(rt, { pageSize: 10 });
    let saved = 0;
    let pulling = true;
    void pull.then(() => (pulling = false));
    // Saves until the pull ends, each after the pull has applied some records.
    while (pulling) {
      const applied = pullProgress(rt).applied;
      if (applied > 0 && applied < RESIDENTS) {
        await h.ok('residents.create', resident(saved, '1962-07-08'), token);
        saved += 1;
      }
      await nextTurn();
    }
    expect(await pull).toMatchObject({ state: 'done', applied: RESIDENTS, problem: null });
    expect(saved).toBeGreaterThan(0);
    expect(residentCount(rt.sqlite)).toBe(RESIDENTS + saved);
    // The pull's thread raised the floor the backend's clock restarts from (core/clock-floor.ts).
    const pulledTop = rt.sqlite
      .prepare('SELECT max(version) FROM residents WHERE id NOT IN (SELECT record_id FROM outbox)')
      .pluck()
      .get() as string;
    const floor = rt.sqlite.prepare('SELECT clock_floor FROM sync_state').pluck().get() as string;
    expect(floor >= pulledTop).toBe(true);
    const versions = rt.sqlite
      .prepare('SELECT version FROM outbox ORDER BY seq')
      .pluck()
      .all() as string[];
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort()).toEqual(versions);
  });
});
