import type { MethodParsedInput } from '@shared/api';
import {
  FOLLOW_UP_METHOD_LABELS,
  JUDICIAL_RESULT_LABELS,
  PERFORMANCE_LABELS,
  SATISFACTION_LABELS,
} from '@shared/api/methods/mediation-views';
import { judicialConfirmationWindow } from '@shared/domain/mediation/clocks';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { actorName } from '../dispute/actor';
import { scheduleFollowUp } from './agreement';
import { agreementOf, findFollowUp } from './agreement-repository';
import { ensureNotBefore, ensureNotFuture } from '../dispute/dates';
import { ensureState, nextState } from '../dispute/transition';
import { updateSynced } from '../../core/synced-writes';

function required(value: unknown, field: string, message: string): void {
  if (value === null || value === undefined || value === '') {
    throw new DomainError('INVALID_INPUT', message, { [field]: message });
  }
}

/** The signed written agreement of a case; judicial confirmation needs one. */
export async function signedWrittenAgreement(ctx: CallContext, disputeId: string) {
  const agreement = await agreementOf(ctx.rt.db, disputeId);
  if (!agreement?.signed_on || !agreement.effective_on) {
    throw new DomainError('NOT_FOUND', '本案尚无已签订的调解协议');
  }
  if (agreement.form === 'oral') {
    throw new DomainError('ORAL_AGREEMENT', '口头调解协议不能申请司法确认，须先制作书面调解协议');
  }
  return { ...agreement, effective_on: agreement.effective_on };
}

/** 司法确认: whether the parties applied, to which court, and the ruling. */
export async function recordJudicialConfirmation(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.recordJudicialConfirmation'>,
) {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, ['succeeded', 'followed_up', 'closed'], '记录司法确认');
  const agreement = await signedWrittenAgreement(ctx, row.id);
  if (input.applied) {
    required(input.appliedOn, 'appliedOn', '请填写申请日期');
    required(input.court, 'court', '请填写受理申请的人民法院');
    ensureNotFuture(ctx, input.appliedOn!, 'appliedOn', '申请日期');
    ensureNotBefore(
      input.appliedOn!,
      agreement.effective_on,
      'appliedOn',
      '申请日期不能早于协议生效日期',
    );
    if (input.result && input.result !== 'pending') {
      required(input.resultOn, 'resultOn', '请填写法院裁定日期');
      ensureNotFuture(ctx, input.resultOn!, 'resultOn', '裁定日期');
      ensureNotBefore(input.resultOn!, input.appliedOn!, 'resultOn', '裁定日期不能早于申请日期');
    }
  }
  const applied = input.applied;
  const result = applied ? (input.result ?? 'pending') : null;
  const resultOn = applied && result !== 'pending' ? input.resultOn : null;
  const confirmedOn = result === 'confirmed' ? resultOn : null;
  const window = applied
    ? judicialConfirmationWindow(agreement.effective_on, input.appliedOn!, input.appliedOn)
    : null;
  const note = applied
    ? `向${input.court}申请司法确认（${input.appliedOn}${window?.status === 'applied_late' ? '，已超过三十日申请期限' : ''}），${JUDICIAL_RESULT_LABELS[result!]}`
    : `当事人不申请司法确认${input.note ? `：${input.note}` : ''}`;
  return changeDispute(ctx, row, {
    set: row.judicial_confirmed_on === confirmedOn ? {} : { judicial_confirmed_on: confirmedOn },
    also: (trx, stamp) =>
      updateSynced(trx, stamp, 'dispute_agreements', agreement, {
        jc_applied: applied ? 1 : 0,
        jc_applied_on: applied ? input.appliedOn : null,
        jc_court: applied ? input.court : null,
        jc_result: result,
        jc_result_on: resultOn,
        jc_note: input.note,
      }),
    event: { action: 'judicial', note },
    auditAction: 'mediation.recordJudicialConfirmation',
  });
}

/** 回访: performance, satisfaction, any renewed conflict; another visit when more is to be seen. */
export async function recordFollowUp(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.recordFollowUp'>,
) {
  const visit = await findFollowUp(ctx.rt.db, input.followUpId);
  if (!visit) throw new DomainError('NOT_FOUND', '找不到该回访安排');
  const { row, caller } = await loadDispute(ctx, visit.dispute_id, 'write');
  if (visit.state === 'done') {
    throw new DomainError('ILLEGAL_TRANSITION', `该次回访已于${visit.visited_on}记录`);
  }
  const state = nextState(row.state, 'record_follow_up', caller.role);
  ensureNotFuture(ctx, input.visitedOn, 'visitedOn', '回访日期');
  ensureNotBefore(
    input.visitedOn,
    row.concluded_on ?? row.registered_on,
    'visitedOn',
    '回访日期不能早于协议日期',
  );
  if (input.nextVisitOn) {
    ensureNotBefore(
      input.nextVisitOn,
      input.visitedOn,
      'nextVisitOn',
      '下次回访日期应晚于本次回访',
    );
  }
  const performedOn =
    row.performed_on ?? (input.performance === 'performed' ? input.visitedOn : null);
  const visitorName = input.visitorName ?? (await actorName(ctx));
  const moved = state !== row.state;
  const facts = [
    FOLLOW_UP_METHOD_LABELS[input.method],
    PERFORMANCE_LABELS[input.performance],
    SATISFACTION_LABELS[input.satisfaction],
    ...(input.renewedConflict ? ['发现矛盾出现反复'] : []),
    ...(input.nextVisitOn ? [`下次回访${input.nextVisitOn}`] : []),
  ];
  return changeDispute(ctx, row, {
    set: moved || performedOn !== row.performed_on ? { state, performed_on: performedOn } : {},
    also: async (trx, stamp) => {
      await updateSynced(trx, stamp, 'dispute_follow_ups', visit, {
        state: 'done',
        visited_on: input.visitedOn,
        method: input.method,
        visitor_name: visitorName,
        performance: input.performance,
        satisfaction: input.satisfaction,
        renewed_conflict: input.renewedConflict ? 1 : 0,
        note: input.note,
      });
      if (input.nextVisitOn) await scheduleFollowUp(trx, stamp, row, input.nextVisitOn);
    },
    event: {
      action: 'follow_up',
      fromState: moved ? row.state : null,
      toState: moved ? state : null,
      note: `回访（${input.visitedOn}）：${facts.join('，')}`,
    },
    auditAction: 'mediation.recordFollowUp',
  });
}
