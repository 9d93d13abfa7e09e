import { DomainError } from '../core/errors';

/**
 * Which index answers a search box entry. FTS5 trigram cannot match fewer than three characters, so
 * two Chinese characters go through the residents' bigram table and the (small) catalogue, and pinyin
 * initials through residents.initials. One or two digits would match most case numbers: refused.
 */
export type CaseSearch =
  | { kind: 'none' }
  /** `texts`: what the phrases of `match` look for, lower-cased, for the row test of a walk. */
  | { kind: 'fts'; match: string; texts: string[] }
  | { kind: 'bigram'; text: string }
  | { kind: 'initials'; prefix: string };

const NUMBER_LIKE = /^[\d\s\-—_/.]+$/;
const LETTERS = /^[a-z]+$/i;

function tooShort(message: string): DomainError {
  return new DomainError('QUERY_TOO_SHORT', message, { query: message });
}

/** An FTS5 string literal: the text is matched as typed, never as query syntax. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function classifyCaseSearch(query: string): CaseSearch {
  // NFKC: full-width digits and letters typed with a Chinese input method become plain ones.
  const text = query.normalize('NFKC').trim();
  if (text === '') return { kind: 'none' };
  if (LETTERS.test(text)) {
    if (text.length < 2) throw tooShort('请至少输入 2 个拼音首字母，例如 zs');
    return { kind: 'initials', prefix: text.toLowerCase() };
  }
  if (NUMBER_LIKE.test(text)) {
    const compact = text.replace(/[\s—_/.]/g, '');
    const digits = compact.replace(/\D/g, '');
    if (digits.length < 3) throw tooShort('按编号查找请至少输入 3 位数字，例如 0001');
    // Typed with or without the dashes: either form matches the stored number.
    return compact === digits
      ? { kind: 'fts', match: phrase(digits), texts: [digits] }
      : { kind: 'fts', match: `${phrase(compact)} OR ${phrase(digits)}`, texts: [compact, digits] };
  }
  const length = Array.from(text).length;
  if (length >= 3) return { kind: 'fts', match: phrase(text), texts: [text.toLowerCase()] };
  if (length === 2) return { kind: 'bigram', text };
  throw tooShort('请至少输入 2 个汉字，例如申请人姓名或事项名称');
}
