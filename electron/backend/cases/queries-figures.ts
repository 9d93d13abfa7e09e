import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { CLOCK_RUNNING_STATES } from './queries';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counts for the supervisor's 工作台. The flows read index entries only (cases_live_org_created_count,
 * cases_live_org_completed_count, ratings_live_org_rated_count); the overdue count reads the rows of
 * the overdue cases alone, found on cases_live_org_state_due. The literal `deleted_at IS NULL` lets
 * the partial indexes serve.
 */

/** A span of equal buckets: `count` buckets of `days` days from the UTC instant `fromIso`. */
export interface Buckets {
  fromIso: string;
  toIso: string;
  days: number;
  count: number;
}

export interface FlowCounts {
  takenIn: number[];
  completed: number[];
  ratings: number[];
  badRatings: number[];
}

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((value) => sql`${value}`));
}

/** Whole seconds, integer division: no float rounding at a bucket's edge. */
function bucketOf(column: RawBuilder<unknown>, buckets: Buckets): RawBuilder<number> {
  const from = Math.floor(Date.parse(buckets.fromIso) / 1000);
  const width = buckets.days * 86_400;
  return sql<number>`(CAST(strftime('%s', ${column}) AS INTEGER) - ${sql.lit(from)}) / ${sql.lit(width)}`;
}

function spread(rows: { b: number; n: number }[], buckets: Buckets): number[] {
  const counts = new Array<number>(buckets.count).fill(0);
  for (const row of rows) if (row.b >= 0 && row.b < buckets.count) counts[row.b] = Number(row.n);
  return counts;
}

/** Cases per bucket of the time they were taken in or completed. */
export function casesPerBucketSql(
  orgIds: readonly string[],
  column: 'created_at' | 'completed_at',
  buckets: Buckets,
): RawBuilder<{ b: number; n: number }> {
  const at = sql.ref(`c.${column}`);
  return sql<{ b: number; n: number }>`SELECT ${bucketOf(at, buckets)} AS b, count(*) AS n
    FROM cases c
    WHERE c.org_unit_id IN (${list(orgIds)}) AND c.deleted_at IS NULL
      AND ${at} >= ${buckets.fromIso} AND ${at} < ${buckets.toIso}
    GROUP BY b`;
}

/** Ratings and bad ratings per bucket of the time they were given. */
export function ratingsPerBucketSql(
  orgIds: readonly string[],
  buckets: Buckets,
): RawBuilder<{ b: number; n: number; bad: number }> {
  return sql<{ b: number; n: number; bad: number }>`SELECT
      ${bucketOf(sql.ref('r.rated_at'), buckets)} AS b, count(*) AS n, coalesce(sum(r.bad), 0) AS bad
    FROM ratings r
    WHERE r.org_unit_id IN (${list(orgIds)}) AND r.deleted_at IS NULL
      AND r.rated_at >= ${buckets.fromIso} AND r.rated_at < ${buckets.toIso}
    GROUP BY b`;
}

/** Running cases past their promised date. */
export function runningOverdueSql(
  orgIds: readonly string[],
  today: string,
): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`SELECT count(*) AS n FROM cases c
    WHERE c.org_unit_id IN (${list(orgIds)}) AND c.deleted_at IS NULL
      AND c.state IN (${list(CLOCK_RUNNING_STATES)}) AND c.due_date < ${today}`;
}

async function ratingsPerBucket(db: Db, orgIds: readonly string[], buckets: Buckets) {
  const { rows } = await ratingsPerBucketSql(orgIds, buckets).execute(db);
  return {
    ratings: spread(rows, buckets),
    badRatings: spread(
      rows.map((row) => ({ b: row.b, n: row.bad })),
      buckets,
    ),
  };
}

export async function flowCounts(
  db: Db,
  orgIds: readonly string[],
  buckets: Buckets,
): Promise<FlowCounts> {
  if (orgIds.length === 0) {
    const none = new Array<number>(buckets.count).fill(0);
    return { takenIn: none, completed: none, ratings: none, badRatings: none };
  }
  const [takenIn, completed, rated] = await Promise.all([
    casesPerBucketSql(orgIds, 'created_at', buckets)
      .execute(db)
      .then(({ rows }) => spread(rows, buckets)),
    casesPerBucketSql(orgIds, 'completed_at', buckets)
      .execute(db)
      .then(({ rows }) => spread(rows, buckets)),
    ratingsPerBucket(db, orgIds, buckets),
  ]);
  return { takenIn, completed, ...rated };
}

/**
 * As the 工作台's 已超期 list counts them: running cases past their promised date (index-only), and
 * village drafts past the hand-off limit (read through the state index; drafts are few at any time).
 */
export async function overdueCount(
  db: Db,
  orgIds: readonly string[],
  today: string,
): Promise<number> {
  if (orgIds.length === 0) return 0;
  const running = await runningOverdueSql(orgIds, today).execute(db);
  const drafts = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c
    WHERE c.org_unit_id IN (${list(orgIds)}) AND c.deleted_at IS NULL
      AND c.state = 'agency_draft' AND c.handoff_due_date < ${today}`.execute(db);
  return Number(running.rows[0]?.n ?? 0) + Number(drafts.rows[0]?.n ?? 0);
}
