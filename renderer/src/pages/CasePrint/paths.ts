import type { CaseDetail } from '@shared/api';
import type { CaseDocument } from '@shared/domain/cases/papers';

export { CASE_DOCUMENT_TITLES, type CaseDocument } from '@shared/domain/cases/papers';

/** /print/cases/:id/receipt and its siblings; the case pages link here too. */
export function casePrintPath(caseId: string, document: CaseDocument): string {
  return `/print/cases/${encodeURIComponent(caseId)}/${document}`;
}

/** The paper the resident takes home from the window right after intake or 补正. */
export function paperAfterIntake(state: CaseDetail['state']): CaseDocument {
  switch (state) {
    case 'pending_supplement':
      return 'notice';
    case 'rejected':
      return 'rejection';
    default:
      return 'receipt';
  }
}
