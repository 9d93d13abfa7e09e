import type { CaseDetail } from '@shared/api';

/** The four papers of a case, as print.record names them. */
export type CaseDocument = 'receipt' | 'notice' | 'rejection' | 'completion';

export const CASE_DOCUMENT_TITLES: Record<CaseDocument, string> = {
  receipt: '受理回执',
  notice: '一次性告知单',
  rejection: '不予受理通知书',
  completion: '办结通知',
};

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
