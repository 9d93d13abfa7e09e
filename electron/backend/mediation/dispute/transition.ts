import type { Role } from '@shared/api';
import {
  CASE_STATE_LABELS,
  CASE_STATES,
  isFinal,
  transition,
  type CaseAction,
  type CaseState,
} from '@shared/domain/mediation/workflow';
import { DomainError } from '../../core/errors';

/** The workflow's answer, or its refusal as a DomainError with the rule's code and message. */
export function nextState(state: string, action: CaseAction, role: Role): CaseState {
  const result = transition(state as CaseState, action, role);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message);
  return result.value;
}

/** For changes that are not transitions but only make sense while the case is open. */
export function ensureState(state: string, allowed: readonly CaseState[], what: string): void {
  if (!allowed.includes(state as CaseState)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `案件当前为「${CASE_STATE_LABELS[state as CaseState] ?? state}」，不能${what}`,
    );
  }
}

/** Until 结案 or 不予受理 the case file may still be corrected. */
export const EDITABLE_STATES: readonly CaseState[] = CASE_STATES.filter((state) => !isFinal(state));
