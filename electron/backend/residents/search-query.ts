import { parsePhone } from '@shared/domain/contact/phone';
import { DomainError } from '../core/errors';

/**
 * Which index answers a residents search box entry. FTS5 trigram needs three characters, so shorter
 * names have their own indexes: one character a prefix range on residents.name, two characters
 * resident_bigrams; pinyin initials a prefix range on residents.initials.
 */
export type ResidentSearch =
  | { kind: 'latest' }
  /**
   * A whole number: `text` as a document number is stored, `phone` the canonical phone when it
   * reads as one; each matched exactly on its index.
   */
  | { kind: 'document'; text: string; phone: string | null }
  /** Up to the six digits an ID number's mask shows (its division code), on residents_document. */
  | { kind: 'idPrefix'; prefix: string }
  | { kind: 'initials'; prefix: string }
  | { kind: 'namePrefix'; text: string }
  | { kind: 'bigram'; text: string }
  | { kind: 'fulltext'; match: string };

const LETTERS = /^[a-z]+$/i;
// Document numbers and phones as typed: digits, letters (passports, the check character X), + and
// the separators people put in phone numbers.
const DOCUMENT_LIKE = /^[0-9a-z+\s\-—()（）]+$/i;

/** The leading digits an ID number's mask shows (330302********1234): a search may match no more. */
const ID_VISIBLE_HEAD = 6;

/** An FTS5 string literal: the text is matched as typed, never read as query syntax. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A number finds a resident only whole, or by the part of it that the mask shows, so that searching
 * can never rebuild what the mask hides: with any run of digits matched anywhere, forty searches
 * recovered a masked phone (138****8000) digit by digit and a handful an ID number's birth date.
 */
export function classifyResidentSearch(query: string): ResidentSearch {
  // NFKC: full-width digits and letters typed with a Chinese input method become plain ones.
  const text = query.normalize('NFKC').trim();
  if (text === '') return { kind: 'latest' };
  if (LETTERS.test(text)) return { kind: 'initials', prefix: text.toLowerCase() };
  if (DOCUMENT_LIKE.test(text) && /\d/.test(text)) {
    const compact = text.replace(/[\s\-—()（）]/g, '').toUpperCase();
    if (compact.replace('+', '').length < 3) {
      const message = '按证件号码或电话查找请至少输入 3 位';
      throw new DomainError('QUERY_TOO_SHORT', message, { query: message });
    }
    if (/^\d+$/.test(compact) && compact.length <= ID_VISIBLE_HEAD) {
      return { kind: 'idPrefix', prefix: compact };
    }
    const phone = parsePhone(text);
    return { kind: 'document', text: compact, phone: phone.ok ? phone.value.number : null };
  }
  const length = Array.from(text).length;
  if (length === 1) return { kind: 'namePrefix', text };
  if (length === 2) return { kind: 'bigram', text };
  return { kind: 'fulltext', match: `{name address} : ${ftsPhrase(text)}` };
}
