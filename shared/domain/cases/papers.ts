/** The four papers a case hands the resident, as print.record and the audit log name them. */
export const CASE_DOCUMENTS = ['receipt', 'notice', 'rejection', 'completion'] as const;
export type CaseDocument = (typeof CASE_DOCUMENTS)[number];

export const CASE_DOCUMENT_TITLES: Record<CaseDocument, string> = {
  receipt: '受理回执',
  notice: '一次性告知单',
  rejection: '不予受理通知书',
  completion: '办结通知',
};
