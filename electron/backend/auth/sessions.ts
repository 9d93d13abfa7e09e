import { randomBytes } from 'node:crypto';
import type { WallClock } from '../core/clock';

export interface SessionRecord {
  token: string;
  userId: string;
  lastActivity: number;
  locked: boolean;
}

export type SessionLookup =
  | { state: 'active'; session: SessionRecord }
  | { state: 'locked'; session: SessionRecord }
  | { state: 'missing' };

/**
 * Sessions live in the backend's memory only: a restart of the backend signs everyone out, which is
 * what a shared counter PC wants. A session idle longer than the lock time is locked, not ended, so
 * the window keeps its unsaved form and the same user unlocks it with the password.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly clock: WallClock,
    private readonly idleLockMs: () => number,
  ) {}

  create(userId: string): SessionRecord {
    const session = {
      token: randomBytes(32).toString('hex'),
      userId,
      lastActivity: this.clock.now(),
      locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Looks a token up and, unless the session is locked, counts the call as activity. */
  touch(token: string | undefined | null): SessionLookup {
    if (!token) return { state: 'missing' };
    const session = this.sessions.get(token);
    if (!session) return { state: 'missing' };
    const now = this.clock.now();
    if (!session.locked && now - session.lastActivity > this.idleLockMs()) session.locked = true;
    if (session.locked) return { state: 'locked', session };
    session.lastActivity = now;
    return { state: 'active', session };
  }

  lock(token: string): void {
    const session = this.sessions.get(token);
    if (session) session.locked = true;
  }

  unlock(token: string): void {
    const session = this.sessions.get(token);
    if (session) {
      session.locked = false;
      session.lastActivity = this.clock.now();
    }
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAllOf(userId: string): void {
    for (const [token, session] of this.sessions)
      if (session.userId === userId) this.sessions.delete(token);
  }

  endAll(): void {
    this.sessions.clear();
  }
}
