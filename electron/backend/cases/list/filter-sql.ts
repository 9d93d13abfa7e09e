import { sql, type RawBuilder } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import { valueList } from '../../core/value-list-sql';
import type { CaseSearch } from '../search/case-search';

/** The filters a clerk sets on a case list, as SQL terms. */

export interface CaseFilter {
  search: CaseSearch;
  states: readonly CaseState[];
  itemId?: string | undefined;
  /** UTC instants of the Asia/Shanghai day bounds of the created date: [from, to). */
  createdFromIso?: string | undefined;
  createdToIso?: string | undefined;
  agentUserId?: string | undefined;
  channel?: 'counter' | 'agency' | undefined;
  /** Set to today (Asia/Shanghai) for "overdue only". */
  overdueOn?: string | undefined;
}

/** The states in which the promised-days clock runs; 补正 after acceptance stops it. */
export const CLOCK_RUNNING_STATES = ['accepted', 'processing'] as const;

/** One walk's or count's share of 只看超期: a single limit, so that each is a seek of its own. */
export interface PartFilter extends CaseFilter {
  overdueLimit?: 'promised' | 'handoff' | undefined;
}

export function filters(filter: PartFilter): RawBuilder<unknown> {
  // Spelled as a literal: the partial indexes on live cases apply only then.
  return sql.join([sql`c.deleted_at IS NULL`, ...chosenFilters(filter)], sql` AND `);
}

/**
 * The filters the clerk chose, without the live-row term: for a test on entries of a partial index
 * on live cases, where `deleted_at` would read each case's row for what the index already says.
 */
export function chosenFilters(filter: PartFilter): RawBuilder<unknown>[] {
  const terms: RawBuilder<unknown>[] = [];
  if (filter.states.length > 0) terms.push(sql`c.state IN (${valueList(filter.states)})`);
  if (filter.itemId) terms.push(sql`c.item_id = ${filter.itemId}`);
  if (filter.createdFromIso) terms.push(sql`c.created_at >= ${filter.createdFromIso}`);
  if (filter.createdToIso) terms.push(sql`c.created_at < ${filter.createdToIso}`);
  if (filter.agentUserId) terms.push(sql`c.agent_user_id = ${filter.agentUserId}`);
  if (filter.channel) terms.push(sql`c.channel = ${filter.channel}`);
  if (filter.overdueOn) terms.push(pastRunningLimit(filter.overdueOn, filter.overdueLimit));
  return terms;
}

/**
 * runningLimit (../workflow/clock.ts) as SQL, for 只看超期 to list what the list badges 已超期: an
 * open case past its promised date, or a village draft past its 3-working-day hand-off. A case
 * waiting for 补正 is in neither. With the OR SQLite reads every case of the unit, so walks and counts take each limit
 * on its own (overdueParts), a seek on (org_unit_id, state, …); a search's few candidates use the OR.
 */
function pastRunningLimit(today: string, limit: PartFilter['overdueLimit']): RawBuilder<unknown> {
  const promised = sql`c.state IN (${valueList(CLOCK_RUNNING_STATES)}) AND c.due_date < ${today}`;
  const handoff = sql`c.state = 'agency_draft' AND c.handoff_due_date < ${today}`;
  if (limit === 'promised') return promised;
  if (limit === 'handoff') return handoff;
  return sql`(${promised} OR ${handoff})`;
}

/** The two limits of 只看超期 are disjoint by state: their walks merge and their counts add up. */
export function overdueParts(filter: CaseFilter): PartFilter[] {
  if (!filter.overdueOn) return [filter];
  return [
    { ...filter, overdueLimit: 'promised' },
    { ...filter, overdueLimit: 'handoff' },
  ];
}
