import { sql } from 'kysely';
import {
  DIGEST_HASH_HEX_DIGITS,
  SYNC_RECORD_TABLES,
  type DigestResponse,
} from '@shared/sync/records-contract';
import { HubFailure } from './failure';
import type { Db } from './org-units';
import { pageBody } from './pull-page-body';
import type { Caller } from './terminals';

/**
 * The read side of record sync (records-contract.ts): what a terminal's unit sees, from the unit's
 * feed. A feed row is renumbered to the change's seq on every change of its record, and change seqs
 * commit in order (sync_sequences' row lock), so a cursor past seq N has seen every change up to N.
 * Several rows may share a seq (a hand-off adds a whole case at once), hence the cursor holds the
 * row's whole key: seq, table, id.
 */
interface FeedPosition {
  seq: number;
  table: string;
  recordId: string;
}

/**
 * What a cursor carries for progress: `below` feed rows after it with seq <= `head` were counted
 * once, when a pull started, so each later page subtracts its own rows instead of counting again
 * (a count per page made a first sync quadratic). Rows past `head` are the changes made since.
 */
interface Tally {
  head: number;
  below: number;
}

interface Cursor extends FeedPosition {
  tally: Tally | undefined;
}

const START: Cursor = { seq: 0, table: '', recordId: '', tally: undefined };
const CURSOR = /^(\d{1,15})\/([a-z_]{0,40})\/([0-9a-f-]{0,36})(?:\/(\d{1,15})\/(\d{1,15}))?$/;

function parseCursor(after: string | undefined): Cursor {
  if (after === undefined) return START;
  const match = CURSOR.exec(after);
  if (!match) {
    throw new HubFailure('INVALID_INPUT', '同步位置不正确，请重新同步', {
      fields: { after: '同步位置不正确' },
    });
  }
  const tally =
    match[4] === undefined ? undefined : { head: Number(match[4]), below: Number(match[5]) };
  return { seq: Number(match[1]), table: match[2]!, recordId: match[3]!, tally };
}

function formatCursor(position: FeedPosition, tally: Tally | undefined): string {
  const base = `${position.seq}/${position.table}/${position.recordId}`;
  return tally ? `${base}/${tally.head}/${tally.below}` : base;
}

const BUCKET = sql<string>`right(f.record_id, 1)`;

/**
 * The next `limit` rows of the unit's feed after `from` (one more, to know whether more follow),
 * each with its record as the page's JSON where the unit sees the record's root, else null. The
 * feed rows are taken first and alone, so a page reads exactly its own rows: joined first, the
 * planner costed the whole rest of the feed and chose a parallel plan, two new worker processes
 * with cold caches on every page (a third of PostgreSQL's CPU in bench:pull). PostgreSQL writes
 * each record's JSON: the columns go out as stored, never parsed into objects on the hub and
 * stringified again.
 */
function feedPage(
  db: Db,
  countyCode: string,
  unitId: string,
  from: FeedPosition,
  request: { limit: number; bucket?: string | undefined },
) {
  let rows = db
    .selectFrom('sync_feed as f')
    .select(['f.seq', 'f.table_name', 'f.record_id'])
    .where('f.county_code', '=', countyCode)
    .where('f.unit_id', '=', unitId)
    .where((eb) =>
      eb(
        eb.refTuple('f.seq', 'f.table_name', 'f.record_id'),
        '>',
        eb.tuple(from.seq, from.table, from.recordId),
      ),
    );
  if (request.bucket !== undefined) rows = rows.where(BUCKET, '=', request.bucket);
  const next = rows
    .orderBy('f.seq')
    .orderBy('f.table_name')
    .orderBy('f.record_id')
    .limit(request.limit + 1)
    .as('f');
  return db
    .selectFrom(next)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('sync_records as r')
          .innerJoin('sync_visibility as v', (join) =>
            join.onRef('v.county_code', '=', 'r.county_code').onRef('v.root_id', '=', 'r.root_id'),
          )
          .select(
            sql<string>`json_build_object('table', r.table_name, 'recordId', r.record_id,
              'orgUnitId', r.org_unit_id, 'version', r.version, 'columns', r.columns,
              'access', v.access)::text`.as('json'),
          )
          .where('r.county_code', '=', countyCode)
          .whereRef('r.table_name', '=', 'f.table_name')
          .whereRef('r.record_id', '=', 'f.record_id')
          .where('v.unit_id', '=', unitId)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select(['f.seq', 'f.table_name', 'f.record_id', 'p.json'])
    .orderBy('f.seq')
    .orderBy('f.table_name')
    .orderBy('f.record_id')
    .execute();
}

/**
 * One page of the records the caller's unit sees, changed after `after`, in feed order, as the
 * UTF-8 JSON of a PullResponse. The terminal's own pushes come back too: after a restore it needs
 * them, and an equal version is a no-op where it already has them. A feed row whose root the unit
 * no longer sees moves the cursor on and sends nothing, so a page may hold fewer records than
 * `limit`, or none, and still say more follow.
 */
export async function pullPageBody(
  db: Db,
  countyCode: string,
  caller: Caller,
  request: { after?: string | undefined; limit: number; bucket?: string | undefined },
): Promise<Buffer> {
  const from = parseCursor(request.after);
  const unitId = caller.orgUnit.id;
  const rows = await feedPage(db, countyCode, unitId, from, request);
  const page = rows.slice(0, request.limit);
  const more = rows.length > request.limit;
  const last = page.at(-1);
  const position: FeedPosition = last
    ? { seq: Number(last.seq), table: last.table_name, recordId: last.record_id }
    : from;
  const records: string[] = [];
  for (const row of page) if (row.json !== null) records.push(row.json);
  let cursor = formatCursor(position, undefined);
  let remaining = 0;
  if (more) {
    const feed = { db, countyCode, unitId, bucket: request.bucket };
    const pageSeqs = page.map((row) => Number(row.seq));
    const counted = await remainingAfter(feed, from.tally, pageSeqs, position);
    cursor = formatCursor(position, counted.tally);
    remaining = counted.remaining;
  }
  return pageBody(records, { cursor, more, remaining });
}

interface UnitFeed {
  db: Db;
  countyCode: string;
  unitId: string;
  bucket: string | undefined;
}

/**
 * The feed rows after the page, for progress only. The first page of a pull counts them; later
 * pages take the count their cursor carries, less their own rows, and count only the rows changed
 * since (past the counted head), so a pull of N rows costs one count of N, not one per page. A
 * record changed during the pull before the cursor reached it is counted twice: like the joinless
 * count, an upper bound, which is what 约 says.
 */
async function remainingAfter(
  feed: UnitFeed,
  carried: Tally | undefined,
  pageSeqs: number[],
  position: FeedPosition,
): Promise<{ remaining: number; tally: Tally }> {
  if (carried === undefined || position.seq > carried.head) {
    const counted = await countFeed(feed, { after: position });
    const head = counted.n === 0 ? position.seq : counted.head;
    return { remaining: counted.n, tally: { head, below: counted.n } };
  }
  const passed = pageSeqs.filter((seq) => seq <= carried.head).length;
  const below = Math.max(0, carried.below - passed);
  const changedSince = await countFeed(feed, { pastSeq: carried.head });
  return { remaining: below + changedSince.n, tally: { head: carried.head, below } };
}

/**
 * An index-only count on sync_feed_unit_seq, without the joins, so an upper bound (a row whose root
 * the unit no longer sees is counted), with the highest seq it counted.
 */
async function countFeed(
  { db, countyCode, unitId, bucket }: UnitFeed,
  range: { after: FeedPosition } | { pastSeq: number },
): Promise<{ n: number; head: number }> {
  let query = db
    .selectFrom('sync_feed as f')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('f.seq').as('head')])
    .where('f.county_code', '=', countyCode)
    .where('f.unit_id', '=', unitId);
  if ('pastSeq' in range) {
    query = query.where('f.seq', '>', range.pastSeq);
  } else {
    const { after } = range;
    query = query.where((eb) =>
      eb(
        eb.refTuple('f.seq', 'f.table_name', 'f.record_id'),
        '>',
        eb.tuple(after.seq, after.table, after.recordId),
      ),
    );
  }
  if (bucket !== undefined) query = query.where(BUCKET, '=', bucket);
  const { n, head } = await query.executeTakeFirstOrThrow();
  return { n: Number(n), head: Number(head ?? 0) };
}

const HASH_MODULUS = (2n ** BigInt(DIGEST_HASH_HEX_DIGITS * 4)).toString();

/**
 * Per bucket: how many records the caller's unit sees and the hash of their (table, id, version):
 * the unit's feed rows whose record's root the unit sees. Read from the unit's side, so that the
 * check costs what the unit sees, not what the county holds: the unit's roots (an index-only range
 * on sync_visibility_unit_root), each root's records (sync_records_root), and the unit's feed rows
 * hashed once to keep those the feed holds. OFFSET 0 keeps each subquery whole: flattened into one
 * join, PostgreSQL chose to read all of sync_visibility or sync_records (a parallel sequential scan)
 * whenever that looked cheaper at the county's size of the day. bench:hub-digest shows the plan.
 */
export function digestQuery(db: Db, countyCode: string, unitId: string) {
  return db
    .selectFrom('sync_visibility as v')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('sync_records as r')
          .select(['r.table_name', 'r.record_id', 'r.version'])
          .whereRef('r.county_code', '=', 'v.county_code')
          .whereRef('r.root_id', '=', 'v.root_id')
          .offset(sql.lit(0))
          .as('r'),
      (join) => join.onTrue(),
    )
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('sync_feed as f')
          .select(['f.table_name', 'f.record_id'])
          .where('f.county_code', '=', countyCode)
          .where('f.unit_id', '=', unitId)
          .where('f.table_name', 'in', SYNC_RECORD_TABLES)
          .offset(sql.lit(0))
          .as('f'),
      (join) =>
        join.onRef('f.table_name', '=', 'r.table_name').onRef('f.record_id', '=', 'r.record_id'),
    )
    .select([
      BUCKET.as('bucket'),
      (eb) => eb.fn.countAll<string | number>().as('n'),
      sql<string>`(sum(('x' || substr(md5(f.table_name || '/' || f.record_id || '/' || r.version),
        1, ${sql.lit(DIGEST_HASH_HEX_DIGITS)}))::bit(${sql.lit(DIGEST_HASH_HEX_DIGITS * 4)})::bigint)
        % ${sql.lit(HASH_MODULUS)})::text`.as('hash'),
    ])
    .where('v.county_code', '=', countyCode)
    .where('v.unit_id', '=', unitId)
    .groupBy(BUCKET)
    .orderBy(BUCKET);
}

export async function recordDigest(
  db: Db,
  countyCode: string,
  caller: Caller,
): Promise<DigestResponse> {
  const rows = await digestQuery(db, countyCode, caller.orgUnit.id).execute();
  return {
    buckets: rows.map((row) => ({ bucket: row.bucket, count: Number(row.n), hash: row.hash })),
  };
}
