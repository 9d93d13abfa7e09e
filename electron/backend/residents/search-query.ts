import { parsePhone } from '@shared/domain/contact/phone';
import { checkCharacter } from '@shared/domain/identity/resident-id';
import { DomainError } from '../core/errors';

/**
 * Which index answers a residents search box entry. FTS5 trigram needs three characters, so shorter
 * names have their own indexes: one character a prefix range on residents.name, two characters
 * resident_bigrams; pinyin initials a prefix range on residents.initials.
 */
export type ResidentSearch =
  | { kind: 'latest' }
  /**
   * `text` as a document number is stored; `phone` the canonical phone when it reads as one; `match`
   * the full-text query for numbers containing it, null when only the whole number can match.
   */
  | { kind: 'document'; text: string; phone: string | null; match: string | null }
  | { kind: 'initials'; prefix: string }
  | { kind: 'namePrefix'; text: string }
  | { kind: 'bigram'; text: string }
  | { kind: 'fulltext'; match: string };

const LETTERS = /^[a-z]+$/i;
// Document numbers and phones as typed: digits, letters (passports, the check character X), + and
// the separators people put in phone numbers.
const DOCUMENT_LIKE = /^[0-9a-z+\s\-—()（）]+$/i;

/** An FTS5 string literal: the text is matched as typed, never read as query syntax. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function isWholeId(text: string): boolean {
  return /^\d{17}[\dX]$/.test(text) && checkCharacter(text.slice(0, 17)) === text.charAt(17);
}

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
    const phone = parsePhone(text);
    // A whole ID number is no part of a longer one: the exact lookup is the only answer.
    if (isWholeId(compact)) return { kind: 'document', text: compact, phone: null, match: null };
    const match = [`doc_number : ${ftsPhrase(compact)}`];
    // A whole phone is found by the exact lookup; only part of one is looked for inside phones.
    // Only a number of digits can be part of a phone: a passport number's digits alone are not.
    const digits = /^\+?\d+$/.test(compact) ? compact.replace('+', '') : null;
    if (!phone.ok && digits !== null && digits.length >= 3) {
      match.push(`phone : ${ftsPhrase(digits)}`);
    }
    return {
      kind: 'document',
      text: compact,
      phone: phone.ok ? phone.value.number : null,
      match: match.join(' OR '),
    };
  }
  const length = Array.from(text).length;
  if (length === 1) return { kind: 'namePrefix', text };
  if (length === 2) return { kind: 'bigram', text };
  return { kind: 'fulltext', match: `{name address} : ${ftsPhrase(text)}` };
}
