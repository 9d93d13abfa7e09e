import { sql, type RawBuilder } from 'kysely';
import { valueList } from '../../core/value-list-sql';

/**
 * What the dispute list is asked for (scope, search, filters, sort) and the filters as SQL terms: the
 * index walks (list-walk.ts, surname-walk.ts) and the repository that chooses between them all read it.
 */

export interface DisputeFilters {
  scope: readonly string[];
  access: 'all' | 'owner' | 'reader';
  query: string;
  types: readonly string[];
  states: readonly string[];
  riskLevels: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  /** The one-month clock's warnings; `soonUntil` is today plus the due-soon days. */
  deadline?: { status: 'due_soon' | 'overdue'; today: string; soonUntil: string } | undefined;
}

export interface DisputeSort {
  sortBy: 'registeredOn' | 'dueDate' | 'caseNo';
  sortDir: 'asc' | 'desc';
}

/** The states whose one-month clock runs, as the deadline filter and the dashboard read them. */
const RUNNING_STATES = ['accepted', 'mediating'];

export function filterTerms(filters: DisputeFilters): RawBuilder<unknown> {
  // Spelled as a literal: the partial indexes on live disputes apply only then.
  const terms: RawBuilder<unknown>[] = [sql`d.deleted_at IS NULL`];
  if (filters.types.length > 0) terms.push(sql`d.type IN (${valueList(filters.types)})`);
  if (filters.states.length > 0) terms.push(sql`d.state IN (${valueList(filters.states)})`);
  if (filters.riskLevels.length > 0) {
    terms.push(sql`d.risk_level IN (${valueList(filters.riskLevels)})`);
  }
  if (filters.from) terms.push(sql`d.registered_on >= ${filters.from}`);
  if (filters.to) terms.push(sql`d.registered_on <= ${filters.to}`);
  const deadline = filters.deadline;
  if (deadline) {
    terms.push(sql`d.state IN (${valueList(RUNNING_STATES)})`);
    terms.push(
      deadline.status === 'overdue'
        ? sql`d.due_date < ${deadline.today}`
        : sql`d.due_date >= ${deadline.today} AND d.due_date <= ${deadline.soonUntil}`,
    );
  }
  return sql.join(terms, sql` AND `);
}
