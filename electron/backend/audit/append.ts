import { sql, type Transaction } from 'kysely';
import type { Actor } from '../core/context';
import type { Database } from '../db/schema';
import { AUDIT_HMAC_FUNCTION, chainedMessage, GENESIS_HASH } from './hash';
import { highestIssuedSeq, lastEntry } from './repository';

export interface AuditInput {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  /** Short human-readable facts (never a password or a full ID number). */
  detail?: string | null;
}

/**
 * Appends one entry, chained to the last and signed with the terminal's key. It takes a transaction
 * only: the entry goes in with the change it records (a rolled-back change leaves no entry), and
 * reading the last entry and writing the next cannot be split by another append. A refusal, which
 * changes nothing else, is appended in a transaction of its own.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  at: string,
  actor: Actor,
  terminalId: string | null,
  input: AuditInput,
): Promise<void> {
  const previous = await lastEntry(trx);
  const prevHash = previous?.hash ?? GENESIS_HASH;
  // AUTOINCREMENT never reuses a seq, so the next row gets the sequence's next value.
  const seq = Math.max(previous?.seq ?? 0, await highestIssuedSeq(trx)) + 1;
  const content = {
    seq,
    at,
    user_id: actor.userId,
    username: actor.username,
    terminal_id: terminalId,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId ?? null,
    outcome: input.outcome ?? 'success',
    detail: input.detail ?? null,
  } as const;
  const signed = await sql<{
    hash: string;
  }>`SELECT ${sql.raw(AUDIT_HMAC_FUNCTION)}(${chainedMessage(prevHash, content)}) AS hash`.execute(
    trx,
  );
  await trx
    .insertInto('audit_log')
    .values({ ...content, prev_hash: prevHash, hash: signed.rows[0]!.hash })
    .execute();
}
