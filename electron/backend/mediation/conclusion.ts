import type { MethodParsedInput } from '@shared/api';
import { REMEDY_ROUTE_LABELS } from '@shared/api/methods/mediation-views';
import { DomainError } from '../core/errors';
import { stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { loadDispute } from './access';
import { actorName } from './actor';
import { followUpsOf } from './agreement-repository';
import { ensureNotBefore, ensureNotFuture, today } from './dates';
import { disputeDetail } from './detail';
import { nextState } from './transition';
import { logDisputeChange, updateSynced } from './writes';

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
  const on = concludedOn(ctx, row.registered_on, input.concludedOn);
  const routes = [...new Set(input.routesTold)];
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'disputes', row, {
      state,
      outcome: 'failed',
      concluded_on: on,
      failure_reason: input.reason,
      routes_told: JSON.stringify(routes),
    });
    await logDisputeChange(
      trx,
      stamp,
      row,
      name,
      {
        action: 'record_failure',
        fromState: row.state,
        toState: state,
        note: `${input.reason}；已告知：${routes.map((route) => REMEDY_ROUTE_LABELS[route]).join('、')}`,
      },
      'mediation.recordFailure',
    );
  });
  return disputeDetail(ctx, row.id);
}

export async function terminateMediation(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.terminate'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'terminate', caller.role);
  const on = concludedOn(ctx, row.registered_on, input.concludedOn);
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'disputes', row, {
      state,
      outcome: 'terminated',
      concluded_on: on,
      termination_reason: input.reason,
    });
    await logDisputeChange(
      trx,
      stamp,
      row,
      name,
      { action: 'terminate', fromState: row.state, toState: state, note: input.reason },
      'mediation.terminate',
    );
  });
  return disputeDetail(ctx, row.id);
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
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'disputes', row, { state, closed_on: today(ctx) });
    await logDisputeChange(
      trx,
      stamp,
      row,
      name,
      { action: 'close', fromState: row.state, toState: state, note: input.note },
      'mediation.close',
    );
  });
  return disputeDetail(ctx, row.id);
}
