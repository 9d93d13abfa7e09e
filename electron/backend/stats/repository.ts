import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/queryable';
import { valueList } from '../core/value-list-sql';

/**
 * Counter statistics as GROUP BY queries. The cases counted are those taken in (created) in the
 * period, each with what has become of it by today: the cohort of the period, so that the on-time
 * rate compares like with like.
 */

export interface StatsRange {
  orgIds: readonly string[];
  /** UTC instants of the Asia/Shanghai day bounds: [from, to). */
  fromIso: string;
  toIso: string;
  /** Asia/Shanghai date, for "open past due". */
  today: string;
  /** Only this item's cases and their ratings. */
  itemId?: string | undefined;
}

export type Period = 'day' | 'month' | 'quarter' | 'year';

export interface CountsRow {
  taken_in: number;
  accepted: number;
  completed: number;
  completed_on_time: number;
  overdue: number;
  supplement: number;
  rejected: number;
}

function counts(today: string): RawBuilder<unknown> {
  return sql`count(*) AS taken_in,
    coalesce(sum(c.accepted_at IS NOT NULL), 0) AS accepted,
    coalesce(sum(c.state = 'completed'), 0) AS completed,
    coalesce(sum(c.state = 'completed'
      AND (c.due_date IS NULL OR c.completed_date <= c.due_date)), 0) AS completed_on_time,
    coalesce(sum((c.state IN ('accepted', 'processing') AND c.due_date < ${today})
      OR (c.state = 'completed' AND c.completed_date > c.due_date)), 0) AS overdue,
    coalesce(sum(c.state = 'pending_supplement' OR EXISTS (SELECT 1 FROM case_events e
      WHERE e.case_id = c.id AND e.to_state = 'pending_supplement')), 0) AS supplement,
    coalesce(sum(c.state = 'rejected'), 0) AS rejected`;
}

function inRange(range: StatsRange): RawBuilder<unknown> {
  const item = range.itemId ? sql`AND c.item_id = ${range.itemId}` : sql``;
  return sql`c.org_unit_id IN (${valueList(range.orgIds)}) ${item}
    AND c.created_at >= ${range.fromIso} AND c.created_at < ${range.toIso}
    AND c.deleted_at IS NULL`;
}

export async function totals(db: Db, range: StatsRange): Promise<CountsRow> {
  const result = await sql<CountsRow>`SELECT ${counts(range.today)} FROM cases c
    WHERE ${inRange(range)}`.execute(db);
  return result.rows[0]!;
}

export async function countsByItem(
  db: Db,
  range: StatsRange,
): Promise<(CountsRow & { item_id: string; item_name: string })[]> {
  const result = await sql<CountsRow & { item_id: string; item_name: string }>`
    SELECT c.item_id, coalesce(i.name, max(c.item_name)) AS item_name, ${counts(range.today)}
    FROM cases c LEFT JOIN service_items i ON i.id = c.item_id
    WHERE ${inRange(range)}
    GROUP BY c.item_id ORDER BY taken_in DESC, item_name`.execute(db);
  return result.rows;
}

/** The Asia/Shanghai period a stored UTC instant falls in: 2026-11-27, 2026-11, 2026-Q4, 2026. */
function periodOf(period: Period): RawBuilder<string> {
  const local = sql`c.created_at, '+8 hours'`;
  switch (period) {
    case 'day':
      return sql<string>`date(${local})`;
    case 'month':
      return sql<string>`strftime('%Y-%m', ${local})`;
    case 'quarter':
      return sql<string>`strftime('%Y', ${local}) || '-Q'
        || ((CAST(strftime('%m', ${local}) AS INTEGER) + 2) / 3)`;
    case 'year':
      return sql<string>`strftime('%Y', ${local})`;
  }
}

export async function countsByPeriod(
  db: Db,
  range: StatsRange,
  period: Period,
): Promise<(CountsRow & { period: string })[]> {
  const result = await sql<CountsRow & { period: string }>`
    SELECT ${periodOf(period)} AS period, ${counts(range.today)}
    FROM cases c WHERE ${inRange(range)}
    GROUP BY period ORDER BY period`.execute(db);
  return result.rows;
}

/**
 * Agency cases by the village they came from. A hand-off is late when it came after the end of its
 * limit day in Shanghai, that is at or after the next day's 00:00 +08:00.
 */
export async function agencyByVillage(
  db: Db,
  range: StatsRange,
): Promise<
  { org_unit_id: string; village_name: string; cases: number; handed_over_late: number }[]
> {
  const result = await sql<{
    org_unit_id: string;
    village_name: string;
    cases: number;
    handed_over_late: number;
  }>`SELECT c.agency_org_id AS org_unit_id, coalesce(v.name, '') AS village_name,
      count(*) AS cases,
      coalesce(sum(c.handed_over_at >= strftime('%Y-%m-%dT%H:%M:%fZ', c.handoff_due_date,
        '+1 day', '-8 hours')), 0) AS handed_over_late
    FROM cases c LEFT JOIN org_units v ON v.id = c.agency_org_id
    WHERE ${inRange(range)} AND c.channel = 'agency' AND c.agency_org_id IS NOT NULL
    GROUP BY c.agency_org_id ORDER BY cases DESC, village_name`.execute(db);
  return result.rows;
}

function ratingsInRange(range: StatsRange): RawBuilder<unknown> {
  // The item of a rating is its case's: one primary-key look-up per rating of the period.
  const item = range.itemId
    ? sql`AND EXISTS (SELECT 1 FROM cases rc WHERE rc.id = r.case_id AND rc.item_id = ${range.itemId})`
    : sql``;
  return sql`r.org_unit_id IN (${valueList(range.orgIds)}) ${item}
    AND r.rated_at >= ${range.fromIso} AND r.rated_at < ${range.toIso} AND r.deleted_at IS NULL`;
}

/** The item's name as the catalogue has it now, for the heading of a filtered export. */
export async function itemName(db: Db, itemId: string): Promise<string | null> {
  const row = await db
    .selectFrom('service_items')
    .select('name')
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Ratings given in the period, by level. */
export async function ratingLevels(
  db: Db,
  range: StatsRange,
): Promise<{ level: string; count: number }[]> {
  const result = await sql<{ level: string; count: number }>`
    SELECT r.level, count(*) AS count FROM ratings r
    WHERE ${ratingsInRange(range)} GROUP BY r.level`.execute(db);
  return result.rows;
}

/**
 * Bad ratings given in the period, and how many of their follow-ups are done. The follow-ups are
 * read through their own (org, state) index and joined to their rating by key.
 */
export async function badRatingFollowups(
  db: Db,
  range: StatsRange,
): Promise<{ bad: number; done: number }> {
  const bad = await sql<{ n: number }>`SELECT count(*) AS n FROM ratings r
    WHERE ${ratingsInRange(range)} AND r.bad = 1`.execute(db);
  const done = await sql<{ n: number }>`SELECT count(*) AS n
    FROM rating_followups f CROSS JOIN ratings r ON r.id = f.rating_id
    WHERE f.org_unit_id IN (${valueList(range.orgIds)}) AND f.state = 'done' AND f.deleted_at IS NULL
      AND ${ratingsInRange(range)} AND r.bad = 1`.execute(db);
  return { bad: bad.rows[0]?.n ?? 0, done: done.rows[0]?.n ?? 0 };
}
