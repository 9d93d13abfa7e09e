import { EventEmitter } from 'node:events';
import type { MainToBackend } from '@shared/api/transport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBackendSupervisor,
  FAST_CRASH_MS,
  MAX_FAST_CRASHES,
  RESTARTED_MESSAGE,
  type BackendEvent,
  type BackendProcess,
} from './backend-supervisor';

class FakeBackend extends EventEmitter implements BackendProcess {
  sent: MainToBackend[] = [];
  killed = false;
  postMessage(message: MainToBackend): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(message: unknown): void {
    this.emit('message', message);
  }
  /** Answers every call so far with its own method name. */
  answerAll(): void {
    for (const { id, envelope } of this.sent.splice(0)) {
      this.reply({ type: 'result', id, result: { ok: true, value: envelope.method } });
    }
  }
}

function setUp() {
  const children: FakeBackend[] = [];
  const events: BackendEvent[] = [];
  const gaveUp: string[] = [];
  const supervisor = createBackendSupervisor({
    fork: () => {
      const child = new FakeBackend();
      children.push(child);
      return child;
    },
    onEvent: (event) => events.push(event),
    onGiveUp: (message) => gaveUp.push(message),
    log: { info: () => {}, error: () => {} },
  });
  const latest = () => {
    const child = children[children.length - 1];
    if (!child) throw new Error('no backend started');
    return child;
  };
  return { supervisor, children, events, gaveUp, latest };
}

const envelope = (method: string) => ({ method, input: {} });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backend supervisor', () => {
  it('holds calls until the backend is ready, then relays results by id', async () => {
    const { supervisor, latest } = setUp();
    supervisor.start();
    const first = supervisor.call(envelope('system.info'));
    expect(latest().sent).toEqual([]);

    latest().reply({ type: 'ready', at: new Date().toISOString() });
    const second = supervisor.call(envelope('auth.signIn'));
    expect(latest().sent.map((m) => m.id)).toEqual([1, 2]);

    latest().reply({ type: 'result', id: 2, result: { ok: true, value: 'two' } });
    latest().reply({ type: 'result', id: 1, result: { ok: true, value: 'one' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'one' });
    await expect(second).resolves.toEqual({ ok: true, value: 'two' });
  });

  it('forwards backend events', () => {
    const { supervisor, latest, events } = setUp();
    supervisor.start();
    latest().reply({ type: 'event', event: { name: 'database.restored', payload: { at: 'x' } } });
    expect(events).toEqual([{ name: 'database.restored', payload: { at: 'x' } }]);
  });

  it('fails pending calls on a crash, restarts after a backoff and tells the windows', async () => {
    const { supervisor, children, latest, events } = setUp();
    supervisor.start();
    latest().reply({ type: 'ready', at: '' });
    const lost = supervisor.call(envelope('users.list'));
    latest().emit('exit', 134);

    await expect(lost).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: RESTARTED_MESSAGE },
    });
    expect(children).toHaveLength(1);

    // A call made while restarting waits for the new process instead of failing.
    const retried = supervisor.call(envelope('users.list'));
    await vi.advanceTimersByTimeAsync(500);
    expect(children).toHaveLength(2);
    expect(events).toEqual([]);

    latest().reply({ type: 'ready', at: '' });
    expect(events).toEqual([
      {
        name: 'backend.restarted',
        payload: { at: expect.any(String), reason: expect.stringContaining('134') },
      },
    ]);
    latest().answerAll();
    await expect(retried).resolves.toEqual({ ok: true, value: 'users.list' });
  });

  it('gives up after repeated fast crashes and answers every later call with the reason', async () => {
    const { supervisor, children, latest, gaveUp } = setUp();
    supervisor.start();
    for (let crash = 1; crash <= MAX_FAST_CRASHES; crash++) {
      latest().emit('exit', 1);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(children).toHaveLength(crash + 1);
    }
    latest().emit('exit', 1);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(children).toHaveLength(MAX_FAST_CRASHES + 1);
    expect(gaveUp).toHaveLength(1);
    const later = await supervisor.call(envelope('system.info'));
    expect(later).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!later.ok) expect(later.error.message).toBe(gaveUp[0]);
  });

  it('keeps restarting a backend that crashes only now and then', async () => {
    const { supervisor, children, latest, gaveUp } = setUp();
    supervisor.start();
    for (let crash = 1; crash <= MAX_FAST_CRASHES + 2; crash++) {
      latest().reply({ type: 'ready', at: '' });
      await vi.advanceTimersByTimeAsync(FAST_CRASH_MS + 1);
      latest().emit('exit', 1);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(gaveUp).toEqual([]);
    expect(children).toHaveLength(MAX_FAST_CRASHES + 3);
  });

  it('stops restarting on a fatal report and shows its message', async () => {
    const { supervisor, children, latest, gaveUp } = setUp();
    supervisor.start();
    const waiting = supervisor.call(envelope('system.info'));
    latest().reply({ type: 'fatal', message: '数据文件夹不可写' });
    latest().emit('exit', 1);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(children).toHaveLength(1);
    expect(latest().killed).toBe(true);
    expect(gaveUp).toEqual([expect.stringContaining('数据文件夹不可写')]);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('does not restart after stop', async () => {
    const { supervisor, children, latest } = setUp();
    supervisor.start();
    const waiting = supervisor.call(envelope('system.info'));
    supervisor.stop();
    latest().emit('exit', 0);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(children).toHaveLength(1);
    expect(latest().killed).toBe(true);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
