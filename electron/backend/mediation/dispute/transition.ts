import type { Role } from '@shared/api';
import {
  DISPUTE_STATE_LABELS,
  DISPUTE_STATES,
  isFinal,
  transitionDispute,
  type DisputeAction,
  type DisputeState,
} from '@shared/domain/mediation/workflow';
import { DomainError } from '../../core/errors';

/** The workflow's answer, or its refusal as a DomainError with the rule's code and message. */
export function nextState(state: string, action: DisputeAction, role: Role): DisputeState {
  const result = transitionDispute(state as DisputeState, action, role);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message);
  return result.value;
}

/** For changes that are not transitions but only make sense while the case is open. */
export function ensureState(state: string, allowed: readonly DisputeState[], what: string): void {
  if (!allowed.includes(state as DisputeState)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `案件当前为「${DISPUTE_STATE_LABELS[state as DisputeState] ?? state}」，不能${what}`,
    );
  }
}

/** Until 结案 or 不予受理 the case file may still be corrected. */
export const EDITABLE_STATES: readonly DisputeState[] = DISPUTE_STATES.filter(
  (state) => !isFinal(state),
);
