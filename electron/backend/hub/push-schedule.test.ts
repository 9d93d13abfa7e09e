import { afterEach, describe, expect, vi } from 'vitest';
import type { Runtime } from '../core/runtime';
import { test } from '../testing/fixtures';
import { createPushSchedule, PUSH_RETRY_MAX_MS } from './push-schedule';
import type { PushOutcome } from './pusher';

const DONE: PushOutcome = { state: 'done', pushed: 1, rejected: 0, problem: null, stop: false };
const DOWN: PushOutcome = {
  state: 'failed',
  pushed: 0,
  rejected: 0,
  problem: '无法连接县级平台',
  stop: false,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the background push', () => {
  test('reaches a hub that is back within 30 s without a new write, however long it was away', async ({
    harness: h,
    township,
  }) => {
    expect(township.admin).toBeTruthy();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const rt = h.backend.runtime;
    let hubUp = false;
    const pushedAt: number[] = [];
    const schedule = createPushSchedule(
      () => rt,
      () => {},
      {
        push: async () => {
          if (!hubUp) return DOWN;
          pushedAt.push(Date.now());
          return DONE;
        },
      },
    );
    schedule.start();
    await schedule.run();
    // Ten minutes of a hub away: the retries back off, up to their cap.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(pushedAt).toEqual([]);
    expect(schedule.retrying()).toBe(true);
    hubUp = true;
    const backAt = Date.now();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(pushedAt).toHaveLength(1);
    expect(pushedAt[0]! - backAt).toBeLessThanOrEqual(PUSH_RETRY_MAX_MS);
    // Once through, nothing is retried any more.
    expect(schedule.retrying()).toBe(false);
    await schedule.stop();
  });

  test('never runs two pushes at once; a call meanwhile runs once more after', async ({
    harness: h,
    township,
  }) => {
    expect(township.admin).toBeTruthy();
    const rt = h.backend.runtime;
    let running = 0;
    let most = 0;
    let calls = 0;
    let release: () => void = () => {};
    const schedule = createPushSchedule(
      () => rt,
      () => {},
      {
        push: async () => {
          calls += 1;
          running += 1;
          most = Math.max(most, running);
          if (calls === 1) await new Promise<void>((done) => (release = done));
          running -= 1;
          return DONE;
        },
      },
    );
    schedule.start();
    const first = schedule.run();
    await vi.waitFor(() => expect(calls).toBe(1));
    const second = schedule.run();
    release();
    await Promise.all([first, second]);
    expect(most).toBe(1);
    expect(calls).toBe(2);
    await schedule.stop();
  });

  test('goes soon after a call that wrote to the change log, not after one that only read', async ({
    harness: h,
    township,
  }) => {
    const rt: Runtime = h.backend.runtime;
    let calls = 0;
    const schedule = createPushSchedule(
      () => rt,
      () => {},
      {
        debounceMs: 1_500,
        push: async () => {
          calls += 1;
          return DONE;
        },
      },
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    schedule.start();
    schedule.noteWrites();
    await vi.advanceTimersByTimeAsync(2_000);
    calls = 0;
    await h.ok('users.list', {}, township.admin);
    schedule.noteWrites();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(0);
    // What any use case's write leaves: one more entry in the change log.
    await rt.db
      .insertInto('outbox')
      .values({
        table_name: 'residents',
        record_id: '0193a000-0000-7000-8000-000000000009',
        op: 'insert',
        payload: '{}',
        base_version: null,
        version: 'v1',
        org_unit_id: 'unit',
        created_at: '2026-12-07T01:00:00.000Z',
        pushed_at: null,
        tx_id: null,
        changed_columns: null,
        schema_version: null,
        epoch: null,
      })
      .execute();
    schedule.noteWrites();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    await schedule.stop();
  });
});
