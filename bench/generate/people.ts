import { addDays, toDayNumber, fromDayNumber } from '@shared/domain/calendar/plain-date';
import { checkCharacter } from '@shared/domain/identity/resident-id';
import { personName } from './names';
import { type Random, Weighted } from './random';

/** The division code of 永嘉县, where the terminal's township lies. */
const COUNTY_DIVISION = '330324';

// Most residents were born in 永嘉; the rest moved in from elsewhere in Zhejiang or from the
// provinces that send workers to 瓯北's factories.
const BIRTH_DIVISIONS = new Weighted<string>([
  [COUNTY_DIVISION, 90],
  ['330302', 2],
  ['330303', 1],
  ['330381', 1],
  ['330382', 1],
  ['520221', 1],
  ['511321', 1],
  ['362426', 1],
  ['412722', 1],
  ['342425', 1],
]);

// Ages as in a rural Zhejiang population: older than the national mean.
const AGE_BANDS = new Weighted<readonly [number, number]>([
  [[0, 14], 12],
  [[15, 24], 9],
  [[25, 44], 28],
  [[45, 59], 26],
  [[60, 79], 20],
  [[80, 98], 5],
]);

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

interface Person {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string;
}

/**
 * Issues GB 11643 numbers: division + birth date + a sequence whose parity is the gender + the ISO
 * 7064 MOD 11-2 check character. Each number once.
 */
export class IdNumbers {
  private readonly issued = new Set<string>();

  issue(random: Random, division: string, birthDate: string, gender: 'male' | 'female'): string {
    const prefix = division + birthDate.replaceAll('-', '');
    for (;;) {
      const base = random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = prefix + String(base).padStart(3, '0');
      const number = first17 + checkCharacter(first17);
      if (!this.issued.has(number)) {
        this.issued.add(number);
        return number;
      }
    }
  }
}

function birthDate(random: Random, today: string): string {
  const [low, high] = AGE_BANDS.pick(random);
  const latest = toDayNumber(addDays(today, -low * 365));
  const earliest = toDayNumber(addDays(today, -(high + 1) * 365 + 1));
  return fromDayNumber(random.int(earliest, latest));
}

export function phone(random: Random): string {
  if (random.chance(0.06)) return `0577-6${String(random.int(0, 9999999)).padStart(7, '0')}`;
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

export function person(random: Random, ids: IdNumbers, today: string): Person {
  const gender = random.chance(0.5) ? 'male' : 'female';
  const born = birthDate(random, today);
  const child = toDayNumber(today) - toDayNumber(born) < 16 * 365;
  return {
    name: personName(random, gender),
    gender,
    birthDate: born,
    idNumber: ids.issue(random, BIRTH_DIVISIONS.pick(random), born, gender),
    phone: child || random.chance(0.05) ? null : phone(random),
    ethnicity: random.chance(0.97) ? '汉族' : random.pick(['畲族', '苗族', '布依族', '土家族']),
  };
}

const ROAD_SUFFIXES = ['路', '街', '巷', '大道'];
const ROAD_STEMS = [...'江滨人民新桥中心园区东西南北兴发振华阳光幸福'];

/** Street addresses inside a village: a few roads of its own and house numbers on them. */
export function addressIn(
  random: Random,
  county: string,
  township: string,
  village: string,
): string {
  const stem = village.replace(/(社区|村)$/, '');
  const road = random.chance(0.5)
    ? `${stem}${random.pick(ROAD_SUFFIXES)}`
    : `${random.pick(ROAD_STEMS)}${random.pick(ROAD_STEMS)}${random.pick(ROAD_SUFFIXES)}`;
  return `${county}${township}${village}${road}${random.int(1, 320)}号`;
}
