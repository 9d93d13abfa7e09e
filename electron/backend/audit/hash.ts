import { createHash, createHmac } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

/** The SQL name under which a connection knows keyedAuditHash with its terminal's key (chain-key.ts). */
export const AUDIT_HMAC_FUNCTION = 'audit_chain_hmac';

/** An entry's own columns, all but the hashes; any outcome text hashes the same way. */
type AuditContent = Omit<Selectable<AuditLogTable>, 'outcome' | 'prev_hash' | 'hash'> & {
  outcome: string;
};

/** What an entry's hash covers: its content, its position and the previous hash, so that edits, deletions and reorders show. */
export function chainedMessage(prevHash: string, entry: AuditContent): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.user_id,
    entry.username,
    entry.terminal_id,
    entry.action,
    entry.object_type,
    entry.object_id,
    entry.outcome,
    entry.detail,
  ]);
  return `${prevHash}\n${canonical}`;
}

/** The unkeyed hash of entries written before the chain was keyed: anyone can recompute it. */
export function plainAuditHash(message: string): string {
  return createHash('sha256').update(message).digest('hex');
}

/** HMAC-SHA256 with the terminal's key: an edit cannot be covered up without the key. */
export function keyedAuditHash(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/** Names a key without giving it away, so that verification can tell "another key" from "edited". */
export function auditKeyId(key: Buffer): string {
  return keyedAuditHash(key, 'township-desk audit key id').slice(0, 16);
}
