import { sql } from 'kysely';
import type { Db } from '../db/queryable';

export async function lastEntry(db: Db) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The highest seq AUTOINCREMENT ever issued: a deleted tail leaves it above the last row. */
export async function highestIssuedSeq(db: Db): Promise<number> {
  const row = await sql<{
    seq: number;
  }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(db);
  return row.rows[0]?.seq ?? 0;
}

interface AuditFilter {
  fromIso?: string;
  toIso?: string;
  username?: string;
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.fromIso) query = query.where('at', '>=', filter.fromIso);
  if (filter.toIso) query = query.where('at', '<', filter.toIso);
  if (filter.username) query = query.where('username', '=', filter.username);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  return query;
}

export async function listEntries(db: Db, filter: AuditFilter, limit: number, offset: number) {
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function distinctActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map((row) => row.action);
}

export async function hasActed(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('user_id', '=', userId)
    .where('outcome', '=', 'success')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
