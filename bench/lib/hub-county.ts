import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishOrgTreeRequest } from '@shared/sync/hub-contract';
import type { RosterEntry } from '@shared/sync/reference-contract';
import { Random } from '../generate/random';

/**
 * A realistic county for the hub's benchmark (issue 14, "Numbers to show"): 20 townships of 20
 * villages each, a catalogue of 300 items varied from the shipped one, the last 10 years of the
 * shipped holiday calendar, the shipped dispute types and mediation reference, and a roster of
 * 1,000 mediators (10 per township, 2 per village).
 */

const RESOURCES = join(__dirname, '../../resources');
const readResource = (file: string): unknown =>
  JSON.parse(readFileSync(join(RESOURCES, file), 'utf8'));

export const BENCH_COUNTY = { code: '330324', name: '永嘉县' };

const TOWNSHIPS = [
  '东城街道',
  '北城街道',
  '南城街道',
  '江北街道',
  '黄田街道',
  '乌牛街道',
  '瓯北街道',
  '三江街道',
  '桥头镇',
  '桥下镇',
  '大若岩镇',
  '碧莲镇',
  '巽宅镇',
  '岩头镇',
  '枫林镇',
  '岩坦镇',
  '沙头镇',
  '鹤盛镇',
  '金溪镇',
  '云岭乡',
];
const VILLAGE_SYLLABLES = '上下东西南北前后新旧大小石溪岭岙坑垟塘桥湖山田林';
const VILLAGE_ENDINGS = ['村', '村', '村', '社区'];

export function benchOrgTree(): PublishOrgTreeRequest['units'] {
  const random = new Random(14);
  const units: PublishOrgTreeRequest['units'] = [
    { code: BENCH_COUNTY.code, name: BENCH_COUNTY.name, level: 'county', parentCode: null },
  ];
  TOWNSHIPS.forEach((township, t) => {
    const townshipCode = `${BENCH_COUNTY.code}${String(t + 1).padStart(3, '0')}`;
    units.push({
      code: townshipCode,
      name: township,
      level: 'township',
      parentCode: BENCH_COUNTY.code,
    });
    const names = new Set<string>();
    while (names.size < 20) {
      const stem = Array.from(
        { length: 2 },
        () => VILLAGE_SYLLABLES[random.int(0, VILLAGE_SYLLABLES.length - 1)],
      ).join('');
      names.add(`${stem}${VILLAGE_ENDINGS[random.int(0, VILLAGE_ENDINGS.length - 1)]}`);
    }
    [...names].forEach((name, v) => {
      units.push({
        code: `${townshipCode}${String(v + 1).padStart(3, '0')}`,
        name,
        level: 'village',
        parentCode: townshipCode,
      });
    });
  });
  return units;
}

interface ShippedItem {
  code: string;
  name: string;
  materials: unknown[];
  [field: string]: unknown;
}

/** 300 items: the shipped 42 and variants of them (own codes and names, a material fewer now and then). */
export function benchCatalogue(edition: string): { edition: string; items: ShippedItem[] } {
  const shipped = readResource('service-catalogue.json') as { items: ShippedItem[] };
  const items = Array.from({ length: 300 }, (_, k) => {
    const item = shipped.items[k % shipped.items.length]!;
    const round = Math.floor(k / shipped.items.length);
    if (round === 0) return item;
    const materials =
      item.materials.length > 2 && k % 3 === 0 ? item.materials.slice(0, -1) : item.materials;
    return {
      ...item,
      code: `${item.code}-${round}`,
      name: `${item.name.slice(0, 50)}（情形${round}）`,
      materials,
    };
  });
  return { edition, items };
}

/** The shipped calendar's last ten years. */
export function benchCalendar(): { years: Record<string, unknown> } {
  const calendar = readResource('calendar/holidays.json') as { years: Record<string, unknown> };
  const years = Object.keys(calendar.years).sort().slice(-10);
  return { years: Object.fromEntries(years.map((year) => [year, calendar.years[year]])) };
}

export const benchDisputeTypes = () => readResource('dispute-types.json');
export const benchMediationReference = () => readResource('mediation-reference.json');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾潘';
const GIVEN = '建国秀英丽华志强明军海燕玉兰文杰春梅国平晓东雪芳立新美华永福桂英';
const SPECIALTIES = ['marriage_family', 'neighbour', 'house_homestead', 'contract', 'labour'];
const BACKGROUNDS = ['retired_judge', 'lawyer', 'community_elite', 'village_cadre', 'grid_worker'];

export function benchRoster(units: PublishOrgTreeRequest['units']): { entries: RosterEntry[] } {
  const random = new Random(1014);
  const pick = (text: string) => text[random.int(0, text.length - 1)]!;
  const entries: RosterEntry[] = [];
  for (const unit of units) {
    if (unit.level === 'county') continue;
    const count = unit.level === 'township' ? 10 : 2;
    for (let i = 0; i < count; i++) {
      entries.push({
        orgUnitCode: unit.code,
        committeeKind: unit.level,
        name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
        gender: random.int(0, 1) === 0 ? 'male' : 'female',
        phone: `13${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
        background: BACKGROUNDS[random.int(0, BACKGROUNDS.length - 1)]!,
        specialties: SPECIALTIES.filter(() => random.int(0, 2) === 0),
        active: true,
        note: null,
      });
    }
  }
  return { entries };
}
