import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { LIST_TOTAL_CAP, SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { calendarOf } from '../../calendar/service';
import { DomainError } from '../../core/errors';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { shanghaiDayStartIso } from '../../core/time';
import { orgScope } from '../../org/repository';
import { classifyCaseSearch } from '../search/case-search';
import { caseCursors, caseSeek } from './page-anchor';
import { countCases, listCaseRows, residentCaseRows, searchCandidates } from './repository';
import { findForeignOwners, type CaseScope } from './scope-sql';
import type { CaseFilter } from './filter-sql';
import { toCaseSummary } from './summary';

type ListInput = MethodParsedInput<'cases.list'>;
/** The list's filter and sort without its page, which the export takes too. */
type ExportInput = MethodParsedInput<'cases.exportExcel'>;

/** Who may see which case, for the lists and the 工作台. */
export async function caseScope(ctx: CallContext): Promise<CaseScope> {
  const user = requireUser(ctx.actor);
  const orgIds = await orgScope(ctx.rt.db, user.orgUnitId);
  const foreignOwners = await findForeignOwners(ctx.rt.db, orgIds);
  return { orgIds, userId: user.userId, foreignOwners };
}

/** Today in Asia/Shanghai, as the lists count deadlines. */
export function todayOf(ctx: CallContext): string {
  return shanghaiDate(ctx.rt.stamper.clock.now());
}

export function filterOf(input: ExportInput, today: string): CaseFilter {
  return {
    search: classifyCaseSearch(input.query),
    states: input.states,
    itemId: input.itemId,
    createdFromIso: input.from ? shanghaiDayStartIso(input.from, 0) : undefined,
    createdToIso: input.to ? shanghaiDayStartIso(input.to, 1) : undefined,
    agentUserId: input.agentUserId,
    channel: input.channel,
    overdueOn: input.overdueOnly ? today : undefined,
  };
}

/** A search stops counting sooner than the plain list (SEARCH_TOTAL_CAP says why). */
export function totalCapOf(filter: CaseFilter): number {
  return filter.search.kind === 'none' ? LIST_TOTAL_CAP : SEARCH_TOTAL_CAP;
}

export async function listCases(
  ctx: CallContext,
  input: ListInput,
): Promise<MethodOutput<'cases.list'>> {
  const scope = await caseScope(ctx);
  const today = todayOf(ctx);
  const filter = filterOf(input, today);
  const sort = { by: input.sortBy, dir: input.sortDir };
  const offset = (input.page - 1) * input.pageSize;
  const { seek, fingerprint } = caseSeek(input);
  const candidates = await searchCandidates(ctx.rt.db, filter, scope);
  // A search's pager ends at its counted matches; a page past them (typed into the address)
  // would have the walk across units read (offset + page) × 200 index entries for it.
  const pastSearchCap = filter.search.kind !== 'none' && offset >= SEARCH_TOTAL_CAP;
  const [rows, count, calendar] = await Promise.all([
    pastSearchCap
      ? []
      : listCaseRows(ctx.rt.db, filter, scope, sort, input.pageSize, offset, candidates, seek),
    countCases(ctx.rt.db, filter, scope, totalCapOf(filter), candidates),
    calendarOf(ctx.rt),
  ]);
  return {
    rows: rows.map((row) => toCaseSummary(row, today, calendar)),
    total: count.total,
    totalIsLowerBound: count.isLowerBound,
    ...caseCursors(rows, fingerprint),
  };
}

export async function casesOfResident(
  ctx: CallContext,
  residentId: string,
): Promise<MethodOutput<'cases.ofResident'>> {
  const resident = await ctx.rt.db
    .selectFrom('residents')
    .select('id')
    .where('id', '=', residentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!resident) throw new DomainError('NOT_FOUND', '找不到该群众档案');
  const scope = await caseScope(ctx);
  const today = todayOf(ctx);
  const [rows, calendar] = await Promise.all([
    residentCaseRows(ctx.rt.db, residentId, scope),
    calendarOf(ctx.rt),
  ]);
  return rows.map((row) => toCaseSummary(row, today, calendar));
}
