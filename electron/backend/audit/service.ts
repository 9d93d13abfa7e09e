import { sql, type Kysely, type Transaction } from 'kysely';
import type { MethodOutput, MethodParsedInput } from '@shared/api';
import type { Actor } from '../core/context';
import type { CallContext } from '../core/runtime';
import { shanghaiDayStartIso } from '../core/time';
import type { Database } from '../db/schema';
import { AUDIT_HMAC_FUNCTION, chainedMessage, GENESIS_HASH } from './hash';
import { highestIssuedSeq, lastEntry, listEntries } from './repository';

// What other domains use of this domain besides its use cases (docs/architecture.md, "Boundaries").
export { hasActed } from './repository';
// The key of the chain, for the bench's generator, which writes a database as the app opens it.
export { registerAuditKey } from './chain-key';
export { loadOrCreateAuditKeyFile } from './key-file';

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

interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The last entry of the chain, which covers every entry before it. Sync will hand it to the hub,
 * which keeps the heads it has seen, so that a chain rewritten on the terminal no longer matches.
 */
export async function auditChainHead(
  db: Kysely<Database> | Transaction<Database>,
): Promise<ChainHead | null> {
  return (await lastEntry(db)) ?? null;
}

/** A page of the 审计日志 screen: its dates are whole Shanghai days, newest entry first. */
export async function listAuditEntries(
  ctx: CallContext,
  input: MethodParsedInput<'audit.list'>,
): Promise<MethodOutput<'audit.list'>> {
  const { rows, total } = await listEntries(
    ctx.rt.db,
    {
      fromIso: input.from ? shanghaiDayStartIso(input.from, 0) : undefined,
      toIso: input.to ? shanghaiDayStartIso(input.to, 1) : undefined,
      username: input.username || undefined,
      action: input.action || undefined,
      outcome: input.outcome,
    },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return {
    total,
    rows: rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      username: row.username,
      terminalId: row.terminal_id,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      outcome: row.outcome,
      detail: row.detail,
    })),
  };
}
