import type { MethodOutput } from '@shared/api';
import { addWorkingDays } from '@shared/domain/calendar/working-days';
import { CASE_ACTIONS } from '@shared/domain/cases/case-workflow';
import { calendarOf, calendarWarning } from '../../calendar/service';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import type { CaseSummaryRow } from '../list/repository';
import { caseScope, todayOf } from '../list/service';
import { toCaseSummary } from '../list/summary';
import { runningLimit } from '../workflow/clock';
import * as worklists from './worklist-sql';

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
