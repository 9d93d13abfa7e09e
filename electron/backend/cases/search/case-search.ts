import { parsePhone } from '@shared/domain/contact/phone';
import { normaliseIdNumber, upgradeLegacyId } from '@shared/domain/identity/resident-id';
import { DomainError } from '../../core/errors';

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
  | { kind: 'initials'; prefix: string }
  /**
   * A whole document number or phone as the applicant's card or the resident register holds it:
   * the cases of the residents holding exactly that (never a part of one, whose hidden digits the
   * lists mask), and, for what could also be a case number's digits, the cases numbered so.
   */
  | { kind: 'applicant'; docNumbers: string[]; phones: string[]; numbered: FtsSearch | null };

type FtsSearch = Extract<CaseSearch, { kind: 'fts' }>;

const NUMBER_LIKE = /^[\d\s\-—_/.]+$/;
const LETTERS = /^[a-z]+$/i;

function tooShort(message: string): DomainError {
  return new DomainError('QUERY_TOO_SHORT', message, { query: message });
}

/** An FTS5 string literal: the text is matched as typed, never as query syntax. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

// Shapes of whole document numbers (shared/domain/identity/documents.ts): an 18-character ID-like
// number, a legacy 15-digit ID, a pass or permit of 8 or 10 digits after up to three letters, a
// passport. A fragment of a number is shorter than all of them but the passport.
const ID_18 = /^\d{17}[\dX]$/;
const LEGACY_ID = /^\d{15}$/;
const OTHER_DOCUMENT = /^[A-Z]{0,3}\d{8,12}$|^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{8,17}$/;

/** The case-number search for digits as typed (with or without dashes). */
function numberSearch(text: string): FtsSearch | null {
  if (!NUMBER_LIKE.test(text)) return null;
  const compact = text.replace(/[\s—_/.]/g, '');
  const digits = compact.replace(/\D/g, '');
  return compact === digits
    ? { kind: 'fts', match: phrase(digits), texts: [digits] }
    : { kind: 'fts', match: `${phrase(compact)} OR ${phrase(digits)}`, texts: [compact, digits] };
}

/** A whole document number or phone, or null for anything shorter or of another shape. */
function applicantSearch(text: string): CaseSearch | null {
  const document = normaliseIdNumber(text);
  const docNumbers = ID_18.test(document)
    ? [document]
    : LEGACY_ID.test(document)
      ? // Stored as typed, or as the 18-character number it became in 1999.
        [document, upgradeLegacyId(document)]
      : OTHER_DOCUMENT.test(document)
        ? [document]
        : [];
  const digits = text.replace(/\D/g, '');
  const phone = digits.length >= 10 ? parsePhone(text) : null;
  const phones = phone?.ok ? [phone.value.number] : [];
  if (docNumbers.length === 0 && phones.length === 0) return null;
  return { kind: 'applicant', docNumbers, phones, numbered: numberSearch(text) };
}

export function classifyCaseSearch(query: string): CaseSearch {
  // NFKC: full-width digits and letters typed with a Chinese input method become plain ones.
  const text = query.normalize('NFKC').trim();
  if (text === '') return { kind: 'none' };
  const applicant = applicantSearch(text);
  if (applicant) return applicant;
  if (LETTERS.test(text)) {
    if (text.length < 2) throw tooShort('请至少输入 2 个拼音首字母，例如 zs');
    return { kind: 'initials', prefix: text.toLowerCase() };
  }
  const numbered = numberSearch(text);
  if (numbered) {
    if (numbered.texts.at(-1)!.length < 3) {
      throw tooShort('按编号查找请至少输入 3 位数字，例如 0001');
    }
    // Typed with or without the dashes: either form matches the stored number.
    return numbered;
  }
  const length = Array.from(text).length;
  if (length >= 3) return { kind: 'fts', match: phrase(text), texts: [text.toLowerCase()] };
  if (length === 2) return { kind: 'bigram', text };
  throw tooShort('请至少输入 2 个汉字，例如申请人姓名或事项名称');
}
