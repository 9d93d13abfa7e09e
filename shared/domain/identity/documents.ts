import { z } from 'zod';
import { passed, refused, type RuleError, type RuleResult } from '../result';
import {
  checkGb11643,
  type Gender,
  normaliseIdNumber,
  parseResidentId,
  type ResidentIdErrorCode,
} from './resident-id';

/**
 * The identity documents a resident can be served on. Residents without a mainland ID (Hong Kong,
 * Macao and Taiwan residents, foreigners) must still be served, each document with its own check.
 */

export const DOCUMENT_TYPES = [
  'resident_id',
  'residence_permit',
  'hk_macao_pass',
  'taiwan_pass',
  'passport',
  'foreign_permanent_residence',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  resident_id: '居民身份证',
  residence_permit: '港澳台居民居住证',
  hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证',
  passport: '护照',
  foreign_permanent_residence: '外国人永久居留身份证',
};

/** ID_FORMAT: the number does not have the shape of its document type. */
type DocumentErrorCode = ResidentIdErrorCode | 'ID_FORMAT';

export interface IdentityDocument {
  type: DocumentType;
  /** Normalised (half-width, no spaces, upper case): the form that is stored and compared. */
  number: string;
  /** Known when the number encodes it (GB 11643 structure). */
  birthDate: string | null;
  gender: Gender | null;
}

type DocumentResult = RuleResult<IdentityDocument, RuleError<DocumentErrorCode>>;

// Hong Kong, Macao, Taiwan: the division codes the residence permit uses in place of a county.
const RESIDENCE_PERMIT_PREFIXES = ['810000', '820000', '830000'];

/** `today` is the Asia/Shanghai date, for the birth dates that some numbers encode. */
export function validateDocument(type: DocumentType, input: string, today: string): DocumentResult {
  const number = normaliseIdNumber(input);
  if (number === '') return refused('ID_EMPTY', `请输入${DOCUMENT_TYPE_LABELS[type]}号码`);
  switch (type) {
    case 'resident_id':
      return residentId(number, today);
    case 'residence_permit':
      return residencePermit(number, today);
    case 'foreign_permanent_residence':
      return foreignPermanentResidence(number, today);
    case 'hk_macao_pass':
      return shaped(
        type,
        number,
        /^[HM](\d{8}|\d{10})$/,
        '港澳居民来往内地通行证号应为H或M加8位或10位数字，如 H12345678',
      );
    case 'taiwan_pass':
      return shaped(
        type,
        number,
        /^(\d{8}|\d{10})$/,
        '台湾居民来往大陆通行证号应为8位数字（旧版为10位）',
      );
    case 'passport':
      return shaped(type, number, /^[A-Z0-9]{5,17}$/, '护照号应为5至17位字母或数字');
  }
}

function residentId(number: string, today: string): DocumentResult {
  const parsed = parseResidentId(number, today);
  if (!parsed.ok) return parsed;
  const { birthDate, gender } = parsed.value;
  return passed({ type: 'resident_id', number: parsed.value.number, birthDate, gender });
}

function residencePermit(number: string, today: string): DocumentResult {
  if (number.length !== 18) return refused('ID_LENGTH', '港澳台居民居住证号应为18位');
  if (!RESIDENCE_PERMIT_PREFIXES.includes(number.slice(0, 6))) {
    return refused(
      'ID_FORMAT',
      '港澳台居民居住证号应以810000（香港）、820000（澳门）或830000（台湾）开头',
    );
  }
  return structured('residence_permit', number, today, '居住证号');
}

function foreignPermanentResidence(number: string, today: string): DocumentResult {
  // The 2023 card follows GB 11643 behind a leading 9; the 2004 card is nationality + 12 digits.
  if (/^9\d{16}[\dX]$/.test(number)) {
    return structured('foreign_permanent_residence', number, today, '永久居留身份证号');
  }
  if (/^[A-Z]{3}\d{12}$/.test(number)) {
    return passed({ type: 'foreign_permanent_residence', number, birthDate: null, gender: null });
  }
  return refused('ID_FORMAT', '外国人永久居留身份证号应为以9开头的18位，旧版为3位字母加12位数字');
}

function structured(
  type: DocumentType,
  number: string,
  today: string,
  noun: string,
): DocumentResult {
  const checked = checkGb11643(number, today, noun);
  return checked.ok ? passed({ type, number, ...checked.value }) : checked;
}

/** Documents without a check character: only their shape can be checked. */
function shaped(
  type: DocumentType,
  number: string,
  pattern: RegExp,
  message: string,
): DocumentResult {
  return pattern.test(number)
    ? passed({ type, number, birthDate: null, gender: null })
    : refused('ID_FORMAT', message);
}
