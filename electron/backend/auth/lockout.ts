/** 5 wrong passwords in a row lock an account for 10 minutes (issue 2). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export function isLocked(state: LockoutState, nowIso: string): boolean {
  return state.lockedUntil !== null && state.lockedUntil > nowIso;
}

/** The state after one more wrong password; the counter restarts once the lock is set. */
export function afterFailure(
  state: LockoutState,
  nowMs: number,
): LockoutState & { lockedNow: boolean } {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return {
      failedAttempts: 0,
      lockedUntil: new Date(nowMs + LOCKOUT_MS).toISOString(),
      lockedNow: true,
    };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil, lockedNow: false };
}

export function minutesLeft(lockedUntil: string, nowMs: number): number {
  return Math.max(1, Math.ceil((Date.parse(lockedUntil) - nowMs) / 60000));
}
