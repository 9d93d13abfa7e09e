import type { MethodOutput, MethodParsedInput } from '@shared/api';
import type { DisputeSummary } from '@shared/api/methods/mediation-views';
import { addDays } from '@shared/domain/calendar/plain-date';
import {
  DUE_SOON_DAYS,
  deadlineStatus,
  judicialConfirmationWindow,
} from '@shared/domain/mediation/clocks';
import type { CallContext } from '../../core/runtime';
import { countUnacknowledged } from '../../event-reports/service';
import { callerOf } from '../dispute/access';
import { followUpsDueBy } from '../agreement/agreement-repository';
import { today } from '../dispute/dates';
import { followUpView } from '../dispute/detail';
import { listDisputes } from './disputes-repository';
import { disputeCursors, disputeSeek } from './list-anchor';
import { disputeIdsOfResident } from '../register/parties-repository';
import { summariesOf } from './summary-view';

export async function listDisputeSummaries(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.list'>,
): Promise<MethodOutput<'mediation.list'>> {
  const caller = await callerOf(ctx);
  const on = today(ctx);
  const { seek, fingerprint } = disputeSeek(input);
  const { rows, total, isLowerBound } = await listDisputes(
    ctx.rt.db,
    {
      scope: caller.scope,
      access: input.access,
      query: input.query,
      types: input.types,
      states: input.states,
      riskLevels: input.riskLevels,
      from: input.from,
      to: input.to,
      deadline: input.deadline && {
        status: input.deadline,
        today: on,
        soonUntil: addDays(on, DUE_SOON_DAYS),
      },
    },
    { sortBy: input.sortBy, sortDir: input.sortDir },
    input.pageSize,
    (input.page - 1) * input.pageSize,
    undefined,
    seek,
  );
  const ids = rows.map((row) => row.id);
  return {
    rows: await summariesOf(ctx.rt.db, caller, ids, on),
    total,
    totalIsLowerBound: isLowerBound,
    ...disputeCursors(rows, fingerprint),
  };
}

/** 一人一档: the resident's disputes that the caller may read, newest first. */
export async function disputesOfResident(
  ctx: CallContext,
  residentId: string,
): Promise<MethodOutput<'mediation.ofResident'>> {
  const caller = await callerOf(ctx);
  const links = await disputeIdsOfResident(ctx.rt.db, residentId);
  const role = new Map(links.map((link) => [link.dispute_id, link.role]));
  const summaries = await summariesOf(ctx.rt.db, caller, [...role.keys()], today(ctx));
  return summaries
    .sort((a, b) =>
      a.registeredOn < b.registeredOn ? 1 : a.registeredOn > b.registeredOn ? -1 : 0,
    )
    .map((summary) => ({ ...summary, partyRole: role.get(summary.id)! }));
}

/** The 工作台 of the caller's own unit. */
export async function dashboard(ctx: CallContext): Promise<MethodOutput<'mediation.dashboard'>> {
  const caller = await callerOf(ctx);
  const on = today(ctx);
  const soon = addDays(on, DUE_SOON_DAYS);
  const db = ctx.rt.db;
  const clockIds = await db
    .selectFrom('disputes')
    .select('id')
    .where('org_unit_id', '=', caller.orgUnitId)
    .where('state', 'in', ['accepted', 'mediating'])
    .where('due_date', '<=', soon)
    .where('deleted_at', 'is', null)
    .orderBy('due_date')
    .limit(200)
    .execute();
  const waiting = await db
    .selectFrom('disputes')
    .select('id')
    .where('org_unit_id', '=', caller.orgUnitId)
    .where('state', 'in', ['registered', 'escalated'])
    .where('deleted_at', 'is', null)
    .orderBy('registered_on')
    .limit(200)
    .execute();
  const windows = await db
    .selectFrom('disputes as d')
    .innerJoin('dispute_agreements as a', 'a.dispute_id', 'd.id')
    .select(['d.id', 'a.effective_on'])
    .where('d.org_unit_id', '=', caller.orgUnitId)
    .where('d.state', 'in', ['succeeded', 'followed_up'])
    .where('d.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('a.form', '=', 'written')
    .where('a.jc_applied', 'is', null)
    .where('a.effective_on', 'is not', null)
    .execute();
  const visits = await followUpsDueBy(db, caller.orgUnitId, soon);

  const ids = [
    ...clockIds.map((row) => row.id),
    ...waiting.map((row) => row.id),
    ...windows.map((row) => row.id),
    ...visits.map((visit) => visit.dispute_id),
  ];
  const summaries = new Map(
    (await summariesOf(db, caller, [...new Set(ids)], on)).map((summary) => [summary.id, summary]),
  );
  const summary = (id: string): DisputeSummary[] => {
    const found = summaries.get(id);
    return found ? [found] : [];
  };
  const clocks = clockIds.flatMap((row) => summary(row.id));
  const withDispute = visits.flatMap((visit) =>
    summary(visit.dispute_id).map((dispute) => ({ ...followUpView(visit, on), dispute })),
  );
  // Closing soon or already closed without a record of whether the parties applied.
  const judicialWindows = windows
    .flatMap((row) =>
      summary(row.id).map((dispute) => ({
        dispute,
        window: deadlineStatus(judicialConfirmationWindow(row.effective_on!, on).lastDay, on),
      })),
    )
    .filter((item) => item.window.status !== 'ok')
    .sort((a, b) => a.window.daysLeft - b.window.daysLeft);
  return {
    deadlinesDueSoon: clocks.filter((item) => item.deadline === 'due_soon'),
    deadlinesOverdue: clocks.filter((item) => item.deadline === 'overdue'),
    followUpsDue: withDispute.filter((item) => item.dueOn >= on),
    followUpsOverdue: withDispute.filter((item) => item.dueOn < on),
    judicialWindows,
    awaitingAcceptance: waiting.flatMap((row) => summary(row.id)),
    unacknowledgedReports: await countUnacknowledged(db, caller.orgUnitId),
  };
}
