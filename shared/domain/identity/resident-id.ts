import { isIsoDate } from '../calendar/plain-date';
import { passed, refused, type RuleError, type RuleResult } from '../result';

/**
 * Resident ID numbers per GB 11643-1999: 6-digit division code, YYYYMMDD birth date, 3-digit sequence
 * (odd = male), check character by ISO 7064 MOD 11-2. Division codes are not looked up: retired codes
 * stay on valid cards for life, so only the first digit (regions 1–8) is checked.
 */

export type ResidentIdErrorCode =
  'ID_EMPTY' | 'ID_LENGTH' | 'ID_CHARS' | 'ID_DIVISION' | 'ID_DATE' | 'ID_CHECKSUM';

export type Gender = 'male' | 'female';
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

interface BirthAndGender {
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: Gender;
}

interface ResidentId extends BirthAndGender {
  /** 18 characters with an upper-case X: the form that is stored, compared and masked. */
  number: string;
  /** The 15-digit number as typed when it was a legacy one; the same person as `number`. */
  legacyNumber: string | null;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(first17.charAt(index)),
    0,
  );
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * What people paste: full-width digits from a Chinese input method, spaces from a copied table,
 * a lower-case x.
 */
export function normaliseIdNumber(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A 15-digit number from before 1999: the century 19 goes in and the check character is added. */
export function upgradeLegacyId(legacy: string): string {
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/**
 * Date and check character of any 18-character number built like a resident ID (the residence permit
 * and the 2023 foreign permanent residence card are too). `noun` names the number in messages.
 */
export function checkGb11643(
  number: string,
  today: string,
  noun: string,
): RuleResult<BirthAndGender, RuleError<ResidentIdErrorCode>> {
  if (!/^\d{17}[\dX]$/.test(number)) {
    return refused('ID_CHARS', `${noun}前17位应为数字，最后一位为数字或X`);
  }
  const compact = number.slice(6, 14);
  const birthDate = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  if (!isIsoDate(birthDate))
    return refused('ID_DATE', `${noun}中的出生日期 ${compact} 不是有效日期`);
  if (birthDate < '1900-01-01')
    return refused('ID_DATE', `${noun}中的出生日期 ${compact} 早于1900年`);
  if (birthDate > today) return refused('ID_DATE', `${noun}中的出生日期 ${compact} 晚于今天`);
  if (checkCharacter(number) !== number.charAt(17)) {
    return refused('ID_CHECKSUM', `${noun}校验位不正确，请核对最后一位`);
  }
  return passed({ birthDate, gender: Number(number.charAt(16)) % 2 === 1 ? 'male' : 'female' });
}

/** `today` is the Asia/Shanghai date: nobody presents a card of someone not yet born. */
export function parseResidentId(
  input: string,
  today: string,
): RuleResult<ResidentId, RuleError<ResidentIdErrorCode>> {
  const typed = normaliseIdNumber(input);
  if (typed === '') return refused('ID_EMPTY', '请输入身份证号');
  if (typed.length !== 18 && typed.length !== 15) {
    return refused('ID_LENGTH', `身份证号应为18位（旧证为15位），现为${typed.length}位`);
  }
  if (typed.length === 15 && !/^\d{15}$/.test(typed)) {
    return refused('ID_CHARS', '15位旧身份证号应全部为数字');
  }
  if (typed.startsWith('9')) {
    return refused('ID_DIVISION', '以9开头的是外国人永久居留身份证号码，请选择该证件类型');
  }
  if (!/^[1-8]/.test(typed)) return refused('ID_DIVISION', '身份证号第1位应为1至8（行政区划代码）');
  const number = typed.length === 15 ? upgradeLegacyId(typed) : typed;
  const checked = checkGb11643(number, today, '身份证号');
  if (!checked.ok) return checked;
  return passed({ ...checked.value, number, legacyNumber: typed.length === 15 ? typed : null });
}
