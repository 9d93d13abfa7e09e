import type { Kysely, Transaction } from 'kysely';
import type { MethodOutput, MethodParsedInput } from '@shared/api';
import type { CallContext } from '../core/runtime';
import { shanghaiDayStartIso } from '../core/time';
import type { Database } from '../db/schema';
import { lastEntry, listEntries } from './repository';

// What other domains use of this domain besides its use cases (docs/architecture.md, "Boundaries").
export { hasActed } from './repository';
// The key of the chain, for the bench's generator, which writes a database as the app opens it.
export { registerAuditKey } from './chain-key';
export { loadOrCreateAuditKeyFile } from './key-file';
export { appendAudit, type AuditInput } from './append';

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
