import { sql, type RawBuilder } from 'kysely';
import { CLOCK_RUNNING_STATES } from '../list/filter-sql';
import { SUMMARY_COLUMNS, type CaseSummaryRow } from '../list/repository';
import { scopeCondition, type CaseScope } from '../list/scope-sql';
import { executeNaming, indexedBy } from '../../db/named-indexes';
import type { Db } from '../../db/queryable';
import { valueList } from '../../core/value-list-sql';

/** The 工作台 lists stay short enough to read at a glance; the full lists are in 案件查询. */
export const WORKLIST_LIMIT = 50;

/**
 * Whose cases a 工作台 shows: a clerk the cases of the unit (and its villages, which own the agency
 * cases they send) that they handle or took in, a supervisor all of them, a village agent the cases
 * they filed.
 */
export type WorklistOwner =
  | { kind: 'unit'; orgIds: readonly string[] }
  | { kind: 'mine'; orgIds: readonly string[]; userId: string }
  | { kind: 'agent'; userId: string };

function owned(owner: WorklistOwner): RawBuilder<unknown> {
  switch (owner.kind) {
    case 'unit':
      return sql`c.org_unit_id IN (${valueList(owner.orgIds)})`;
    case 'mine':
      return sql`c.org_unit_id IN (${valueList(owner.orgIds)})
        AND (c.handler_id = ${owner.userId} OR c.created_by = ${owner.userId})`;
    case 'agent':
      return sql`c.agent_user_id = ${owner.userId}`;
  }
}

async function worklist(
  db: Db,
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
  index?: string,
): Promise<CaseSummaryRow[]> {
  const result = await executeNaming(db, (present) => {
    const cases = index ? indexedBy(sql`cases c`, index, present) : sql`cases c`;
    return sql<CaseSummaryRow>`SELECT ${SUMMARY_COLUMNS}
    FROM ${cases} LEFT JOIN org_units ao ON ao.id = c.agency_org_id
    WHERE c.deleted_at IS NULL AND ${where}
    ORDER BY ${order} LIMIT ${WORKLIST_LIMIT}`;
  });
  return result.rows;
}

const running = sql`c.state IN (${valueList(CLOCK_RUNNING_STATES)})`;

export interface DueRange {
  on?: string;
  /** Strictly after. */
  after?: string;
  /** Up to and including. */
  through?: string;
  /** Strictly before. */
  before?: string;
}

/** Cases whose clock runs and whose due date falls in the range, soonest first. */
export function dueBetween(
  db: Db,
  owner: WorklistOwner,
  range: DueRange,
): Promise<CaseSummaryRow[]> {
  const terms = [owned(owner), running];
  if (range.on) terms.push(sql`c.due_date = ${range.on}`);
  if (range.after) terms.push(sql`c.due_date > ${range.after}`);
  if (range.through) terms.push(sql`c.due_date <= ${range.through}`);
  if (range.before) terms.push(sql`c.due_date < ${range.before}`);
  return worklist(db, sql.join(terms, sql` AND `), sql`c.due_date, c.created_at`);
}

/** Oldest first: the longer a resident has been waiting to bring the rest, the sooner to call. */
export function pendingSupplement(db: Db, owner: WorklistOwner): Promise<CaseSummaryRow[]> {
  return worklist(db, sql`${owned(owner)} AND c.state = 'pending_supplement'`, sql`c.created_at`);
}

/**
 * Completed cases pile up over the years; the partial index cases_to_hand_out holds only those still
 * to hand out (the literal terms match its WHERE). SQLite cannot tell it is the small one, so it is
 * named; an agent's own cases are few and read through cases_agent.
 */
export function readyToHandOut(db: Db, owner: WorklistOwner): Promise<CaseSummaryRow[]> {
  return worklist(
    db,
    sql`${owned(owner)} AND c.state = 'completed' AND c.handed_out_at IS NULL`,
    // rowid last: the same 50 rows whether the named index is there or a first sync has it away.
    sql`c.completed_at, c.rowid`,
    owner.kind === 'agent' ? undefined : 'cases_to_hand_out',
  );
}

/** At the township: agency cases its villages handed over, first handed over first. */
export function awaitingReceiptInScope(db: Db, scope: CaseScope): Promise<CaseSummaryRow[]> {
  return worklist(
    db,
    sql`c.state = 'awaiting_receipt' AND ${scopeCondition(scope)}`,
    sql`c.handed_over_at, c.created_at`,
  );
}

/** At the village: what the agent handed over and the township has not received yet. */
export function awaitingReceiptOfAgent(db: Db, agentUserId: string): Promise<CaseSummaryRow[]> {
  return worklist(
    db,
    sql`c.agent_user_id = ${agentUserId} AND c.state = 'awaiting_receipt'`,
    sql`c.handed_over_at, c.created_at`,
  );
}

/**
 * Village drafts past their 3-working-day hand-off limit, in the units a supervisor oversees: they
 * are 已超期 as much as an accepted case past its promised date (runningLimit), oldest limit first.
 */
export function lateDrafts(
  db: Db,
  orgIds: readonly string[],
  today: string,
): Promise<CaseSummaryRow[]> {
  return worklist(
    db,
    sql`c.org_unit_id IN (${valueList(orgIds)}) AND c.state = 'agency_draft'
      AND c.handoff_due_date < ${today}`,
    sql`c.handoff_due_date, c.created_at`,
  );
}

/** The agent's drafts, the nearest hand-off limit first. */
export function agencyDrafts(db: Db, agentUserId: string): Promise<CaseSummaryRow[]> {
  return worklist(
    db,
    sql`c.agent_user_id = ${agentUserId} AND c.state = 'agency_draft'`,
    sql`c.handoff_due_date IS NULL, c.handoff_due_date, c.created_at`,
  );
}

export async function openFollowups(db: Db, orgIds: readonly string[]): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM rating_followups f
    WHERE f.org_unit_id IN (${valueList(orgIds)})
      AND f.state = 'open' AND f.deleted_at IS NULL`.execute(db);
  return result.rows[0]?.n ?? 0;
}
