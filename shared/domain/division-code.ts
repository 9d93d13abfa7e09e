import type { OrgLevel } from '@shared/api/roles';

/** Digits of a division code at each level: county 330302, township 330302001, village 330302001001. */
export const DIVISION_CODE_LENGTH: Record<OrgLevel, number> = {
  county: 6,
  township: 9,
  village: 12,
};

// Province-level prefixes of GB/T 2260. Only the prefix is checked: retired county codes stay valid.
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

export function checkDivisionCode(code: string, level: OrgLevel): string | null {
  const length = DIVISION_CODE_LENGTH[level];
  if (!/^\d+$/.test(code)) return '行政区划代码只能是数字';
  if (code.length !== length) {
    const label = { county: '县级', township: '乡镇（街道）', village: '村（社区）' }[level];
    return `${label}行政区划代码应为 ${length} 位数字`;
  }
  if (!PROVINCES.has(code.slice(0, 2))) return '行政区划代码的前两位不是有效的省级代码';
  if (code.slice(2, 6) === '0000') return '行政区划代码应具体到县级';
  return null;
}

/** The code of the level directly above, by prefix; null for a county. */
export function parentDivisionCode(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  return null;
}
