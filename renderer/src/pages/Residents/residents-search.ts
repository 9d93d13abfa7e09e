// Digits, letters and the separators people type in document numbers and phones (as the backend reads them).
const DOCUMENT_LIKE = /^[0-9a-z+\s\-—()（）]+$/i;

/** Whether the query reads as a document number or phone, which only match whole (or an ID's head). */
export function isNumberQuery(query: string): boolean {
  const text = query.normalize('NFKC').trim();
  return DOCUMENT_LIKE.test(text) && /\d/.test(text);
}

/**
 * The backend refuses a document or phone search under 3 characters (QUERY_TOO_SHORT); the box says
 * so itself rather than sending a query per keystroke that can only be refused.
 */
export function searchProblem(query: string): string | null {
  const text = query.normalize('NFKC').trim();
  if (!isNumberQuery(text)) return null;
  const compact = text.replace(/[\s\-—()（）+]/g, '');
  return compact.length < 3 ? '按证件号码或电话查找请至少输入 3 位' : null;
}
