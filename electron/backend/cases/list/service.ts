import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { LIST_TOTAL_CAP, SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { addWorkingDays } from '@shared/domain/calendar/working-days';
import { CASE_ACTIONS } from '@shared/domain/cases/case-workflow';
import { appendAudit } from '../../audit/service';
import { calendarOf, calendarWarning } from '../../calendar/service';
import { DomainError } from '../../core/errors';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { shanghaiDayStartIso } from '../../core/time';
import { orgScope } from '../../org/repository';
import { caseCursors, caseSeek } from './page-anchor';
import { caseListFileName, caseListWorkbook, EXPORT_ROW_CAP } from '../export/export-workbook';
import { workbookBase64 } from '../export/export-sheet';
import {
  countCases,
  exportCaseRows,
  findForeignOwners,
  listCaseRows,
  residentCaseRows,
  searchCandidates,
  type CaseFilter,
  type CaseScope,
  type CaseSummaryRow,
} from './repository';
import * as worklists from '../dashboard/worklist-sql';
import { classifyCaseSearch } from '../search/case-search';
import { runningLimit } from '../workflow/clock';
import { toCaseSummary } from './summary';

type ListInput = MethodParsedInput<'cases.list'>;
type ExportInput = MethodParsedInput<'cases.exportExcel'>;

async function caseScope(ctx: CallContext): Promise<CaseScope> {
  const user = requireUser(ctx.actor);
  const orgIds = await orgScope(ctx.rt.db, user.orgUnitId);
  const foreignOwners = await findForeignOwners(ctx.rt.db, orgIds);
  return { orgIds, userId: user.userId, foreignOwners };
}

function todayOf(ctx: CallContext): string {
  return shanghaiDate(ctx.rt.stamper.clock.now());
}

function filterOf(input: ExportInput, today: string): CaseFilter {
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

/** The list as filtered on screen, every page, as a workbook; audited because it carries names. */
export async function exportCases(
  ctx: CallContext,
  input: ExportInput,
): Promise<MethodOutput<'cases.exportExcel'>> {
  const user = requireUser(ctx.actor);
  const scope = await caseScope(ctx);
  const today = todayOf(ctx);
  const filter = filterOf(input, today);
  const sort = { by: input.sortBy, dir: input.sortDir };
  const [rows, { total }] = await Promise.all([
    exportCaseRows(ctx.rt.db, filter, scope, sort, EXPORT_ROW_CAP),
    countCases(ctx.rt.db, filter, scope, null),
  ]);
  const nowIso = ctx.rt.stamper.nowIso();
  const file = {
    fileName: caseListFileName(nowIso),
    base64: await workbookBase64(caseListWorkbook(rows, total, today)),
  };
  // In a transaction of its own: the hash chain reads the last entry and appends after it.
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, nowIso, ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'cases.export',
      objectType: 'org_unit',
      objectId: user.orgUnitId,
      detail: `导出案件清单 ${rows.length} 条${total > rows.length ? `（共 ${total} 条）` : ''}`,
    }),
  );
  return file;
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

/** The longest overdue first: by the limit each has passed, then by intake. */
function byRunningLimit(rows: CaseSummaryRow[]): CaseSummaryRow[] {
  const limitOf = (row: CaseSummaryRow) => runningLimit(row) ?? '';
  return rows.sort(
    (a, b) => limitOf(a).localeCompare(limitOf(b)) || a.created_at.localeCompare(b.created_at),
  );
}

/** 待接收 is for those the workflow lets receive a hand-off: not the administrator, who may not. */
const RECEIVING_ROLES: readonly string[] = CASE_ACTIONS.receive.from.awaiting_receipt ?? [];
const SUPERVISING_ROLES: readonly string[] = ['admin', 'supervisor'];

export async function caseDashboard(ctx: CallContext): Promise<MethodOutput<'cases.dashboard'>> {
  const user = requireUser(ctx.actor);
  const { db } = ctx.rt;
  const scope = await caseScope(ctx);
  const calendar = await calendarOf(ctx.rt);
  const today = todayOf(ctx);
  const nextWorkingDay = addWorkingDays(today, 1, calendar).value;
  const owner: worklists.WorklistOwner =
    user.role === 'agent'
      ? { kind: 'agent', userId: user.userId }
      : user.role === 'clerk'
        ? { kind: 'mine', orgIds: scope.orgIds, userId: user.userId }
        : { kind: 'unit', orgIds: scope.orgIds };
  const isAgent = user.role === 'agent';
  const none = Promise.resolve([] as CaseSummaryRow[]);

  const [dueToday, dueSoon, overdueCases, lateDrafts, pending, ready, awaiting, drafts, followups] =
    await Promise.all([
      worklists.dueBetween(db, owner, { on: today }),
      worklists.dueBetween(db, owner, { after: today, through: nextWorkingDay }),
      worklists.dueBetween(db, owner, { before: today }),
      // An agent sees their own late drafts under 代办待移交; a clerk handles no drafts.
      owner.kind === 'unit' ? worklists.lateDrafts(db, owner.orgIds, today) : none,
      worklists.pendingSupplement(db, owner),
      worklists.readyToHandOut(db, owner),
      isAgent
        ? worklists.awaitingReceiptOfAgent(db, user.userId)
        : RECEIVING_ROLES.includes(user.role)
          ? worklists.awaitingReceiptInScope(db, scope)
          : none,
      isAgent ? worklists.agencyDrafts(db, user.userId) : none,
      SUPERVISING_ROLES.includes(user.role)
        ? worklists.openFollowups(db, scope.orgIds)
        : Promise.resolve(0),
    ]);

  const summarise = (rows: CaseSummaryRow[]) =>
    rows.map((row) => toCaseSummary(row, today, calendar));
  const overdue = byRunningLimit([...overdueCases, ...lateDrafts]).slice(
    0,
    worklists.WORKLIST_LIMIT,
  );
  const limits = [dueToday, dueSoon, overdue, drafts]
    .flat()
    .map(runningLimit)
    .filter((date): date is string => date !== null);
  return {
    dueToday: summarise(dueToday),
    dueSoon: summarise(dueSoon),
    overdue: summarise(overdue),
    pendingSupplement: summarise(pending),
    readyToHandOut: summarise(ready),
    awaitingReceipt: summarise(awaiting),
    agencyDrafts: summarise(drafts),
    followupsDue: followups,
    calendarWarning: calendarWarning(calendar, [today, nextWorkingDay, ...limits]),
  };
}
