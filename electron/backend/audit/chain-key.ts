import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ANONYMOUS } from '../core/context';
import { AUDIT_HMAC_FUNCTION, auditKeyId, keyedAuditHash } from './hash';
import { appendAudit } from './append';

export const CHAIN_KEYED_ACTION = 'audit.chainKeyed';

/**
 * Gives the connection the terminal's audit key as a SQL function. The key travels with the
 * database handle rather than through every service that appends an entry, and a connection
 * opened without it (a tool, a script) cannot append an entry that looks signed: it fails with
 * "no such function".
 */
export function registerAuditKey(sqlite: BetterSqlite3.Database, key: Buffer): void {
  sqlite.function(AUDIT_HMAC_FUNCTION, { deterministic: true }, (message: unknown) =>
    keyedAuditHash(key, String(message)),
  );
}

function chainKeyedDetail(key: Buffer): string {
  return `自本条起，审计记录由本机密钥签名（密钥标识 ${auditKeyId(key)}）`;
}

/** The key named in an entry written by openKeyedChain, or null for any other entry. */
export function keyIdIn(detail: string | null): string | null {
  return /密钥标识 ([0-9a-f]{16})/.exec(detail ?? '')?.[1] ?? null;
}

/**
 * Consumes the flag the migration 2026_12_06_1100 set: appends the entry where the keyed part of
 * the chain begins, on top of whatever unkeyed entries came before, in the transaction that clears
 * the flag. One row read and one written, whatever the size of the chain.
 */
export async function openKeyedChain(
  db: Kysely<Database>,
  key: Buffer,
  nowIso: string,
  terminalId: string | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .deleteFrom('settings')
      .where('key', '=', 'audit_chain_key_pending')
      .returning('value')
      .executeTakeFirst();
    if (!pending) return false;
    await appendAudit(trx, nowIso, ANONYMOUS, terminalId, {
      action: CHAIN_KEYED_ACTION,
      objectType: 'audit_log',
      detail: chainKeyedDetail(key),
    });
    return true;
  });
}
