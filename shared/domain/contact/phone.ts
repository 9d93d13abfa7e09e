import { passed, refused, type RuleError, type RuleResult } from '../result';

/**
 * Residents' phone numbers: mainland mobiles (1[3-9] + 9 digits), landlines with their area code
 * (0577-88881234), and numbers abroad in international form, since Hong Kong, Macao, Taiwan and
 * foreign residents are served too. Stored in one canonical form so that a search by phone finds the
 * person however the number was typed.
 */

type PhoneErrorCode =
  'PHONE_EMPTY' | 'PHONE_CHARS' | 'PHONE_MOBILE' | 'PHONE_LANDLINE' | 'PHONE_INTERNATIONAL';

type PhoneKind = 'mobile' | 'landline' | 'international';

interface Phone {
  kind: PhoneKind;
  /** 13800138000; 0577-88881234 (area code, dash, number); +85291234567. */
  number: string;
}

type PhoneResult = RuleResult<Phone, RuleError<PhoneErrorCode>>;

// 010 and 020–029 are the three-digit area codes; every other area code has four digits.
const THREE_DIGIT_AREA = /^0(10|2\d)/;

export function parsePhone(input: string): PhoneResult {
  // NFKC turns the full-width digits, plus and dash of a Chinese input method into ASCII.
  const typed = input.normalize('NFKC').replace(/[\s\-—()（）]/g, '');
  if (typed === '') return refused('PHONE_EMPTY', '请输入联系电话');
  if (!/^\+?\d+$/.test(typed)) return refused('PHONE_CHARS', '电话号码只能包含数字、空格和短横线');

  const dialled = /^(?:\+|00)(\d+)$/.exec(typed)?.[1];
  if (dialled !== undefined && !dialled.startsWith('86')) return international(dialled);
  if (dialled !== undefined) return national(trunk(dialled.slice(2)));
  // A bare 86 in front is only unambiguous before a mobile number.
  return national(/^861[3-9]\d{9}$/.test(typed) ? typed.slice(2) : typed);
}

/**
 * Dialled from abroad a landline loses its trunk 0; at home it needs it back. Beijing's area code 10
 * is the one that starts like a mobile number.
 */
function trunk(digits: string): string {
  const mobileLike = digits.startsWith('1') && !digits.startsWith('10');
  return mobileLike || digits.startsWith('0') ? digits : `0${digits}`;
}

function national(digits: string): PhoneResult {
  if (digits.startsWith('1')) {
    return /^1[3-9]\d{9}$/.test(digits)
      ? passed({ kind: 'mobile', number: digits })
      : refused('PHONE_MOBILE', '手机号应为11位数字，以13至19开头');
  }
  if (!digits.startsWith('0')) {
    return refused('PHONE_LANDLINE', '固定电话请加区号，如 0577-88881234；手机号应为11位');
  }
  const areaLength = THREE_DIGIT_AREA.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (!/^[2-9]\d{6,7}$/.test(local)) {
    return refused('PHONE_LANDLINE', '固定电话应为区号加7至8位号码，如 0577-88881234');
  }
  return passed({ kind: 'landline', number: `${digits.slice(0, areaLength)}-${local}` });
}

/** E.164: a country code and number of at most 15 digits together. */
function international(digits: string): PhoneResult {
  return /^[1-9]\d{6,14}$/.test(digits)
    ? passed({ kind: 'international', number: `+${digits}` })
    : refused('PHONE_INTERNATIONAL', '境外电话应为 + 加国家或地区代码和号码，如 +852 91234567');
}
