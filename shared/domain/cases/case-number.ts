import { z } from 'zod';
import { isIsoDate } from '../calendar/plain-date';

/**
 * Human case numbers, unique without a network: the org unit's division code, the terminal's two-digit
 * number, the Asia/Shanghai date and that terminal's sequence for the day, e.g.
 * 330302001-01-20261127-0001. Two terminals never share a prefix, so neither needs the other's
 * counter. The hub may later assign an official number; both are kept.
 */

interface CaseNumberParts {
  /** Division code of the org unit: county 6, township 9 or village 12 digits. */
  orgCode: string;
  /** Two digits, as set up for this terminal. */
  terminal: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  sequence: number;
}

/** Four digits a day per terminal: far above what one window takes in. */
export const CASE_SEQUENCE_MAX = 9999;

const PATTERN = /^(\d{6}|\d{9}|\d{12})-(\d{2})-(\d{4})(\d{2})(\d{2})-(\d{4})$/;

/** The parts come from the database and the terminal's settings, so bad ones are a bug. */
export function formatCaseNumber({ orgCode, terminal, date, sequence }: CaseNumberParts): string {
  const text = `${orgCode}-${terminal}-${date.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
  if (parseCaseNumber(text) === null) {
    throw new RangeError(
      `cannot make a case number of ${orgCode}, ${terminal}, ${date}, ${sequence}`,
    );
  }
  return text;
}

export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, orgCode = '', terminal = '', year, month, day, sequence] = match;
  const date = `${year}-${month}-${day}`;
  if (!isIsoDate(date) || Number(sequence) < 1) return null;
  return { orgCode, terminal, date, sequence: Number(sequence) };
}

export const caseNumberSchema = z
  .string()
  .refine((text) => parseCaseNumber(text) !== null, '案件编号格式应为 单位代码-终端号-日期-序号');

/** What is stored beside the number for partial search: its digits alone. */
export function caseNumberSearchKey(caseNumber: string): string {
  return caseNumber.replace(/\D/g, '');
}

/**
 * A typed fragment of a case number as a search key: people leave out dashes, type spaces or
 * full-width digits, or copy only the date and sequence. Null when the text is not number-like, so
 * that the search treats it as Chinese text, and below four digits, which would match most cases.
 */
export function normaliseCaseNumberQuery(query: string): string | null {
  const text = query.normalize('NFKC').trim();
  if (!/^[\d\s\-—_/.]+$/.test(text)) return null;
  const digits = caseNumberSearchKey(text);
  return digits.length >= 4 ? digits : null;
}
