import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  terminal_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  detail: string | null;
}

/** The hash covers the row's content, its position and the previous hash, so edits, deletions and reorders show. */
export function auditHash(prevHash: string, entry: AuditContent): string {
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
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
