import type { MethodParsedInput } from '@shared/api';
import { targetDueDate } from '@shared/domain/mediation/clocks';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { ensureNotBefore, ensureNotFuture, today } from '../dispute/dates';
import { nextState } from '../dispute/transition';

/**
 * 受理: of a registered case, or of one passed up to this unit. The statistics keep the first
 * acceptance; the one-month clock starts again for the unit that accepts it now.
 */
export async function acceptDispute(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.accept'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'accept', caller.role);
  const acceptedOn = input.acceptedOn ?? today(ctx);
  ensureNotFuture(ctx, acceptedOn, 'acceptedOn', '受理日期');
  ensureNotBefore(acceptedOn, row.registered_on, 'acceptedOn', '受理日期不能早于登记日期');
  return changeDispute(ctx, row, {
    set: {
      state,
      accepted_on: row.accepted_on ?? acceptedOn,
      clock_start_on: acceptedOn,
      due_date: targetDueDate(acceptedOn),
    },
    event: {
      action: 'accept',
      fromState: row.state,
      toState: state,
      note: row.state === 'escalated' ? '受理下级上交的案件' : null,
    },
    auditAction: 'mediation.accept',
  });
}

export async function rejectDispute(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.reject'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'reject', caller.role);
  return changeDispute(ctx, row, {
    set: { state, reject_reason: input.reason, clock_start_on: null, due_date: null },
    event: { action: 'reject', fromState: row.state, toState: state, note: input.reason },
    auditAction: 'mediation.reject',
  });
}
