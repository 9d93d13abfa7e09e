/**
 * Numbers as Chinese papers write them: the ordinal of an obligation (第一项 … 第五十项) and an amount in
 * capital numerals (大写金额), written on agreements beside the figures so that neither can be altered
 * alone. The capital-amount rules are those of 支付结算办法 (附件一): 元 then 整 when nothing follows,
 * no 整 after 角 or 分, one 零 for any run of zeros inside the number, none at its end, and none
 * before a group whose 仟 digit is set (壹拾万柒仟, which the rules allow beside 壹拾万零柒仟).
 */

const SMALL_DIGITS = '〇一二三四五六七八九';
const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CAPITAL_UNITS = ['', '拾', '佰', '仟'];
const SECTION_UNITS = ['', '万', '亿', '万亿'];

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`not in 1..99: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${SMALL_DIGITS[tens]}十`;
  return `${tensPart}${ones === 0 ? '' : SMALL_DIGITS[ones]}`;
}

/** The words of one group of four digits, without leading or trailing 零. */
function sectionWords(section: number): string {
  let words = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(section / 10 ** place) % 10;
    if (digit === 0) {
      zero = words !== '';
      continue;
    }
    if (zero) words += '零';
    words += `${CAPITAL_DIGITS[digit]}${CAPITAL_UNITS[place]}`;
    zero = false;
  }
  return words;
}

function integerWords(yuan: number): string {
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let words = '';
  let zero = false;
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    const section = sections[i] ?? 0;
    if (section === 0) {
      zero = words !== '';
      continue;
    }
    // 壹万零伍拾: a group below a thousand after a higher group reads with 零, as does a skipped group.
    if (words !== '' && (zero || section < 1000)) words += '零';
    words += `${sectionWords(section)}${SECTION_UNITS[i]}`;
    zero = false;
  }
  return words;
}

/** 1_200_000 fen → 壹万贰仟元整; 105 → 壹元零伍分; 50 → 伍角; 0 → 零元整. */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const integer = yuan === 0 ? '' : `${integerWords(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${integer}整`;
  const jiaoPart = jiao === 0 ? (integer === '' ? '' : '零') : `${CAPITAL_DIGITS[jiao]}角`;
  const centsPart = cents === 0 ? '' : `${CAPITAL_DIGITS[cents]}分`;
  return `${integer}${jiaoPart}${centsPart}`;
}

/** 1_200_000 fen → "12,000.00". */
export function yuanFigures(fen: number): string {
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
