/** 5 wrong passwords in a row lock an account for 10 minutes (issue 2). */
export const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 10 * 60 * 1000;

export function isLocked(lockedUntil: string | null, nowIso: string): boolean {
  return lockedUntil !== null && lockedUntil > nowIso;
}

export function lockedUntilFrom(nowMs: number): string {
  return new Date(nowMs + LOCKOUT_MS).toISOString();
}
