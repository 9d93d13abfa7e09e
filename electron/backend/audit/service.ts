import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../core/context';
import type { Database } from '../db/schema';
import { auditHash, GENESIS_HASH } from './hash';
import { highestIssuedSeq, lastEntry } from './repository';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  /** Short human-readable facts (never a password or a full ID number). */
  detail?: string | null;
}

/**
 * Appends one hash-chained entry. Call it inside the transaction of the change it records, so that a
 * rolled-back change leaves no entry; failures and refusals are appended on their own.
 */
export async function appendAudit(
  db: Db,
  at: string,
  actor: Actor,
  terminalId: string | null,
  input: AuditInput,
): Promise<void> {
  const previous = await lastEntry(db);
  const prevHash = previous?.hash ?? GENESIS_HASH;
  // AUTOINCREMENT never reuses a seq, so the next row gets the sequence's next value.
  const seq = Math.max(previous?.seq ?? 0, await highestIssuedSeq(db)) + 1;
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
  await db
    .insertInto('audit_log')
    .values({ ...content, prev_hash: prevHash, hash: auditHash(prevHash, content) })
    .execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem: { seq: number; reason: string } | null;
}

/** Walks the whole chain in order; reports the first entry that was altered, removed or reordered. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return fail(checked, expectedSeq, `第 ${expectedSeq} 条审计记录缺失（已被删除）`);
      }
      if (row.prev_hash !== prevHash) {
        return fail(checked, row.seq, `第 ${row.seq} 条审计记录与上一条的链接不符`);
      }
      if (auditHash(prevHash, row) !== row.hash) {
        return fail(checked, row.seq, `第 ${row.seq} 条审计记录的内容已被修改`);
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const issued = await highestIssuedSeq(db);
  if (issued >= expectedSeq) {
    return fail(checked, expectedSeq, `第 ${expectedSeq} 条及之后的审计记录缺失（已被删除）`);
  }
  return { ok: true, checked, problem: null };
}

function fail(checked: number, seq: number, reason: string): VerifyResult {
  return { ok: false, checked, problem: { seq, reason } };
}
