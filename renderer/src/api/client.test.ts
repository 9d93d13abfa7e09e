import type { Result, Session } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { createClientFrom } from './client';
import { createSessionStore } from './session-store';
import type { RawEvent, Transport } from './transport';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const session: Session = {
  token: 't-1',
  idleLockMinutes: 15,
  user: {
    id: 'u-1',
    username: 'clerk1',
    displayName: '王芳',
    role: 'clerk',
    orgUnitId: 'o-1',
    orgUnitName: '五马街道',
    mustChangePassword: false,
    disabled: false,
    lockedUntil: null,
    lastSignInAt: null,
    createdAt: '2026-11-27T06:00:00.000Z',
    onRoster: false,
  },
};

function answering(result: Result<unknown>): Transport {
  return { call: async () => result, onEvent: () => () => {} };
}

describe('createClientFrom', () => {
  it('goes back to sign-in with the reason when the session has passed its 12 hours', async () => {
    const store = createSessionStore(memoryStorage());
    store.signedIn(session);
    const expired = {
      ok: false as const,
      error: { code: 'SESSION_EXPIRED' as const, message: '登录已超过 12 小时，请重新登录' },
    };
    await createClientFrom(answering(expired), store).call('auth.me', {});
    expect(store.get()).toEqual({ session: null, notice: '登录已超过 12 小时，请重新登录' });
  });

  it('keeps the session on any other refusal', async () => {
    const store = createSessionStore(memoryStorage());
    store.signedIn(session);
    const forbidden = {
      ok: false as const,
      error: { code: 'FORBIDDEN' as const, message: '您没有权限执行此操作' },
    };
    await createClientFrom(answering(forbidden), store).call('auth.me', {});
    expect(store.get().session?.token).toBe('t-1');
  });

  it('passes on the backend events the contract names and drops any other', () => {
    let emit: (event: RawEvent) => void = () => {};
    const transport: Transport = {
      call: async () => ({ ok: true, value: {} }),
      onEvent: (listener) => {
        emit = listener;
        return () => {};
      },
    };
    const heard: string[] = [];
    createClientFrom(transport, createSessionStore(memoryStorage())).onEvent((event) =>
      heard.push(event.name),
    );
    emit({ name: 'database.restored', payload: { at: '2026-11-27T06:00:00.000Z', backup: 'b' } });
    emit({ name: 'toString', payload: {} });
    emit({ name: 'backend.restarted', payload: { at: '2026-11-27T06:00:00.000Z', reason: 'x' } });
    expect(heard).toEqual(['database.restored', 'backend.restarted']);
  });
});
