import { randomBytes } from 'node:crypto';
import type { WallClock } from '../core/clock';

interface SessionRecord {
  token: string;
  userId: string;
  createdAt: number;
  lastActivity: number;
  locked: boolean;
}

/**
 * A sign-in lasts at most 12 hours however busy it is: a counter's day (08:30–17:30 and overtime)
 * needs one sign-in, while a session left open on a shared PC does not survive to the next morning.
 */
const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

type SessionLookup =
  | { state: 'active'; session: SessionRecord }
  | { state: 'locked'; session: SessionRecord }
  | { state: 'expired' }
  | { state: 'missing' };

/**
 * Sessions live in the backend's memory only: a restart of the backend signs everyone out, which is
 * what a shared counter PC wants. A session idle longer than the lock time is locked, not ended, so
 * the window keeps its unsaved form and the same user unlocks it with the password. A session older
 * than SESSION_MAX_AGE_MS is ended, locked or not.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly clock: WallClock,
    private readonly idleLockMs: () => number,
  ) {}

  create(userId: string): SessionRecord {
    const now = this.clock.now();
    const session = {
      token: randomBytes(32).toString('hex'),
      userId,
      createdAt: now,
      lastActivity: now,
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
    if (now - session.createdAt > SESSION_MAX_AGE_MS) {
      this.sessions.delete(token);
      return { state: 'expired' };
    }
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

  /**
   * Starts the session's 12 hours again, as signing in again would. Only tests call it: they move
   * the clock days on and keep the same people at work, where a person would sign in each morning.
   */
  renew(token: string): void {
    const session = this.sessions.get(token);
    if (session) {
      session.createdAt = this.clock.now();
      session.lastActivity = session.createdAt;
      session.locked = false;
    }
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of the user but `keep` (the one that changed the password, say). */
  endAllOf(userId: string, keep?: string): void {
    for (const [token, session] of this.sessions)
      if (session.userId === userId && token !== keep) this.sessions.delete(token);
  }

  endAll(): void {
    this.sessions.clear();
  }
}
