import type { MethodParsedInput } from '@shared/api';
import { REMEDY_ROUTE_LABELS } from '@shared/api/methods/mediation-views';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { followUpsOf } from '../agreement/agreement-repository';
import { changeDispute } from '../dispute/change';
import { ensureNotBefore, ensureNotFuture, today } from '../dispute/dates';
import { nextState } from '../dispute/transition';

function concludedOn(ctx: CallContext, registeredOn: string, date: string | undefined): string {
  const on = date ?? today(ctx);
  ensureNotFuture(ctx, on, 'concludedOn', '结论日期');
  ensureNotBefore(on, registeredOn, 'concludedOn', '结论日期不能早于登记日期');
  return on;
}

/** 调解不成, with the routes the parties were told (人民调解法 art. 26). */
export async function recordFailure(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.recordFailure'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'record_failure', caller.role);
  const routes = [...new Set(input.routesTold)];
  return changeDispute(ctx, row, {
    set: {
      state,
      outcome: 'failed',
      concluded_on: concludedOn(ctx, row.registered_on, input.concludedOn),
      failure_reason: input.reason,
      routes_told: JSON.stringify(routes),
    },
    event: {
      action: 'record_failure',
      fromState: row.state,
      toState: state,
      note: `${input.reason}；已告知：${routes.map((route) => REMEDY_ROUTE_LABELS[route]).join('、')}`,
    },
    auditAction: 'mediation.recordFailure',
  });
}

export async function terminateMediation(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.terminate'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'terminate', caller.role);
  return changeDispute(ctx, row, {
    set: {
      state,
      outcome: 'terminated',
      concluded_on: concludedOn(ctx, row.registered_on, input.concludedOn),
      termination_reason: input.reason,
    },
    event: { action: 'terminate', fromState: row.state, toState: state, note: input.reason },
    auditAction: 'mediation.terminate',
  });
}

/** 结案. A success is closed only once no follow-up visit is still to be made. */
export async function closeDispute(ctx: CallContext, input: MethodParsedInput<'mediation.close'>) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'close', caller.role);
  const pending = (await followUpsOf(ctx.rt.db, row.id)).filter((visit) => visit.state === 'due');
  if (pending.length > 0) {
    throw new DomainError(
      'FOLLOW_UP_PENDING',
      `尚有${pending.length}次回访未完成（应于${pending[0]!.due_on}前回访），请先记录回访再结案`,
    );
  }
  return changeDispute(ctx, row, {
    set: { state, closed_on: today(ctx) },
    event: { action: 'close', fromState: row.state, toState: state, note: input.note },
    auditAction: 'mediation.close',
  });
}
