import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';
import { CHAIN_KEYED_ACTION, keyIdIn } from './chain-key';
import { auditKeyId, chainedMessage, GENESIS_HASH, keyedAuditHash, plainAuditHash } from './hash';
import { highestIssuedSeq } from './repository';
import type { Db } from '../db/queryable';

type AuditRow = Selectable<AuditLogTable>;

interface VerifyResult {
  ok: boolean;
  checked: number;
  problem: { seq: number; reason: string } | null;
}

/**
 * Walks the whole chain in order and reports the first entry that was altered, removed or
 * reordered. Entries written before the chain was keyed carry a plain SHA-256; from the entry that
 * opens the keyed part (chain-key.ts) on, every entry must carry the key's HMAC, and the chain must
 * end keyed. So an edit covered up by recomputing plain hashes shows, wherever it was made: before
 * the keyed part its successors lose their signatures, inside it the entry loses its own.
 *
 * Runs only when an administrator asks (审计日志 → 校验完整性), never at start: one hash per entry,
 * read 5 000 at a time.
 */
export async function verifyAudit(db: Db, key: Buffer): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let keyed = false;
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
      const problem = keyed ? keyedProblem(key, prevHash, row) : prefixProblem(key, prevHash, row);
      if (problem === 'opens-keyed-part') keyed = true;
      else if (problem) return fail(checked, row.seq, problem);
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
  if (checked > 0 && !keyed) {
    return fail(
      checked,
      expectedSeq - 1,
      '审计记录未经本机密钥签名（密钥签名的起点已不在），记录已被改动后重算',
    );
  }
  return { ok: true, checked, problem: null };
}

/** An entry of the unkeyed prefix: a plain hash, or the signed entry that opens the keyed part. */
function prefixProblem(
  key: Buffer,
  prevHash: string,
  row: AuditRow,
): string | null | 'opens-keyed-part' {
  const message = chainedMessage(prevHash, row);
  const opening = row.action === CHAIN_KEYED_ACTION;
  if (plainAuditHash(message) === row.hash) {
    return opening ? `第 ${row.seq} 条审计记录未经本机密钥签名，内容已被改动后重算` : null;
  }
  if (keyedAuditHash(key, message) === row.hash) {
    return opening
      ? 'opens-keyed-part'
      : `第 ${row.seq} 条审计记录不是密钥签名的起点，记录已被改动`;
  }
  const recorded = opening ? keyIdIn(row.detail) : null;
  if (recorded && recorded !== auditKeyId(key)) {
    return `第 ${row.seq} 条起的审计记录由另一把密钥签名（数据来自另一台电脑，或本机密钥已丢失），无法在本机核验`;
  }
  return `第 ${row.seq} 条审计记录的内容已被修改`;
}

/** An entry of the keyed part: only the key's HMAC will do. */
function keyedProblem(key: Buffer, prevHash: string, row: AuditRow): string | null {
  const message = chainedMessage(prevHash, row);
  if (keyedAuditHash(key, message) === row.hash) return null;
  return plainAuditHash(message) === row.hash
    ? `第 ${row.seq} 条审计记录未经本机密钥签名，内容已被改动后重算`
    : `第 ${row.seq} 条审计记录的内容已被修改`;
}

function fail(checked: number, seq: number, reason: string): VerifyResult {
  return { ok: false, checked, problem: { seq, reason } };
}
