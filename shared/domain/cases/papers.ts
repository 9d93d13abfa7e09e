/**
 * The papers a case hands the resident, as print.record and the audit log name them; 代办受理凭证
 * is the agent's, for the resident whose application a village agent took in.
 */
export const CASE_DOCUMENTS = ['receipt', 'notice', 'rejection', 'completion', 'agency'] as const;
export type CaseDocument = (typeof CASE_DOCUMENTS)[number];

export const CASE_DOCUMENT_TITLES: Record<CaseDocument, string> = {
  receipt: '受理回执',
  notice: '一次性告知单',
  rejection: '不予受理通知书',
  completion: '办结通知',
  agency: '代办受理凭证',
};
