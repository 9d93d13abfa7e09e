import type { CaseDetail } from '@shared/api';
import { CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import { CASE_DOCUMENT_TITLES, type CaseDocument } from './paths';

/**
 * Each paper states a fact of the case, so it exists only once that fact does (the backend's
 * print.record holds to the same rule): a receipt once accepted, a notice once the case waited for
 * 补正, a refusal or completion notice in that state.
 */
export function printProblem(detail: CaseDetail, document: CaseDocument): string | null {
  const printable = {
    receipt: detail.acceptedAt !== null,
    notice: detail.events.some((event) => event.toState === 'pending_supplement'),
    rejection: detail.state === 'rejected',
    completion: detail.state === 'completed',
    agency: detail.channel === 'agency',
  }[document];
  if (printable) return null;
  return `案件当前为「${CASE_STATE_LABELS[detail.state]}」，不能打印${CASE_DOCUMENT_TITLES[document]}`;
}

/** Who last moved the case into this state, e.g. the clerk who accepted it: printed as 经办人. */
export function actorInto(detail: CaseDetail, state: CaseDetail['state']): string | null {
  const event = detail.events.findLast((candidate) => candidate.toState === state);
  return event?.actorName ?? null;
}

/** Whether the case was completed by its due date; null while either date is unknown. */
export function completedOnTime(detail: CaseDetail): boolean | null {
  if (!detail.dueDate || !detail.completedDate) return null;
  return detail.completedDate <= detail.dueDate;
}
