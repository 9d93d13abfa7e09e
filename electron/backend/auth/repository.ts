import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { MAX_FAILED_ATTEMPTS } from './lockout';
import type { Db } from '../db/queryable';

/**
 * Counts one wrong password in the row itself (never old + 1 computed in JS, which lets parallel
 * guesses overwrite each other); the count that reaches the limit sets the lock and restarts the count.
 * Returns whether this failure set the lock.
 */
export async function countFailedAttempt(
  trx: Transaction<Database>,
  userId: string,
  lockUntilIso: string,
): Promise<boolean> {
  const counted = await trx
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  if (counted.failed_attempts < MAX_FAILED_ATTEMPTS) return false;
  await trx
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: lockUntilIso })
    .where('id', '=', userId)
    .execute();
  return true;
}

export async function recordSignIn(db: Db, userId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: nowIso })
    .where('id', '=', userId)
    .execute();
}
