import type { Session } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { createSessionStore } from './session-store';

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
    username: 'admin',
    displayName: '陈建国',
    role: 'admin',
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

describe('createSessionStore', () => {
  it('survives a reload through the storage and forgets on sign-out', () => {
    const storage = memoryStorage();
    createSessionStore(storage).signedIn(session);
    const reloaded = createSessionStore(storage);
    expect(reloaded.get().session?.token).toBe('t-1');
    reloaded.signedOut('请重新登录');
    expect(reloaded.get()).toEqual({ session: null, notice: '请重新登录' });
    expect(createSessionStore(storage).get().session).toBeNull();
  });

  it('keeps the lock across a reload and tells subscribers once per change', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.signedIn(session);
    store.setLocked(true);
    store.setLocked(true);
    expect(calls).toBe(2);
    expect(createSessionStore(storage).get().session?.locked).toBe(true);
  });

  it('ignores a damaged stored value instead of failing to start', () => {
    const storage = memoryStorage();
    storage.setItem('desk.session', '{not json');
    expect(createSessionStore(storage).get().session).toBeNull();
  });
});
