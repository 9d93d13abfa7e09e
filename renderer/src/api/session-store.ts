import type { Session, User } from '@shared/api';

const SESSION_KEY = 'desk.session';

/** The signed-in session as the renderer keeps it; `locked` mirrors the backend's idle lock. */
export interface ClientSession extends Session {
  locked: boolean;
}

export interface SessionState {
  session: ClientSession | null;
  /** Why the last session ended without the person signing out, shown on the sign-in screen. */
  notice: string | null;
}

export interface SessionStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  signedIn(session: Session): void;
  signedOut(notice?: string): void;
  setLocked(locked: boolean): void;
  setUser(user: User): void;
}

function read(storage: Storage): ClientSession | null {
  try {
    const text = storage.getItem(SESSION_KEY);
    return text ? (JSON.parse(text) as ClientSession) : null;
  } catch {
    return null;
  }
}

/**
 * Holds the session token in memory and in sessionStorage, so a reload of the window keeps the
 * person signed in while closing it does not. Components read it through useSyncExternalStore.
 */
export function createSessionStore(storage: Storage): SessionStore {
  let state: SessionState = { session: read(storage), notice: null };
  const listeners = new Set<() => void>();

  function commit(next: SessionState) {
    state = next;
    if (next.session) storage.setItem(SESSION_KEY, JSON.stringify(next.session));
    else storage.removeItem(SESSION_KEY);
    for (const listener of listeners) listener();
  }

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signedIn: (session) => commit({ session: { ...session, locked: false }, notice: null }),
    signedOut: (notice) => commit({ session: null, notice: notice ?? null }),
    setLocked(locked) {
      if (state.session && state.session.locked !== locked) {
        commit({ ...state, session: { ...state.session, locked } });
      }
    },
    setUser(user) {
      if (state.session) commit({ ...state, session: { ...state.session, user } });
    },
  };
}
