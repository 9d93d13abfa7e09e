import { type Random, Weighted } from './random';

/**
 * Chinese personal names as a Wenzhou township's register holds them: surnames weighted roughly as in
 * Zhejiang (陈, 王, 林, 李, 黄, 张 … and 永嘉's own 潘, 金, 谷, 厉, 戴), a few compound surnames, given
 * names of one or two characters drawn from the characters each generation favoured.
 */

// Surname:weight, about per mille of the population.
const SURNAMES = [
  '陈:110 王:80 林:45 李:55 黄:45 张:50 吴:35 郑:35 周:30 徐:35 潘:30 叶:25 金:28 胡:25 杨:22',
  '朱:22 谢:18 刘:20 蔡:15 邵:10 谷:12 厉:8 戴:12 季:8 孙:12 应:6 章:8 项:6 卢:8 池:5 麻:4 钱:6 汤:5',
  '夏:6 苏:6 程:6 董:6 蒋:7 郭:8 何:8 高:8 罗:6 梁:5 宋:5 唐:5 许:8 韩:4 冯:5 邓:4 曹:5 彭:4 曾:4 肖:4',
  '田:3 袁:4 于:3 余:6 杜:3 魏:4 吕:4 丁:4 任:4 沈:6 姚:5 姜:3 钟:3 陆:4 汪:4 范:3 石:3 方:6 鲍:3 单:2',
  '缪:2 留:2 虞:2 薛:2 倪:3 施:4 欧阳:1 司马:0.3 诸葛:0.2 上官:0.3',
]
  .join(' ')
  .split(' ')
  .map((entry) => {
    const [surname = '', weight = '0'] = entry.split(':');
    return [surname, Number(weight)] as const;
  });

const MALE_CHARACTERS = [
  ...'伟强磊军勇杰涛斌超明华建国平志刚峰鹏飞浩宇俊辉文斌成林海东晨阳永康亮兵健忠德胜波坤锋宏旭晓振',
];
const FEMALE_CHARACTERS = [
  ...'芳娜敏静丽艳娟霞燕玲秀英华红梅琳莉婷雪慧颖洁琴云佳倩萍蓉瑶琪欣怡晶雅丹月彩凤兰秋素',
];
const SHARED_CHARACTERS = [...'小子文晓春海建国明佳思一宇家志永新安天嘉雨'];

const surnames = new Weighted(SURNAMES);

function givenCharacter(random: Random, gender: 'male' | 'female'): string {
  if (random.chance(0.2)) return random.pick(SHARED_CHARACTERS);
  return random.pick(gender === 'male' ? MALE_CHARACTERS : FEMALE_CHARACTERS);
}

export function personName(random: Random, gender: 'male' | 'female'): string {
  const surname = surnames.pick(random);
  const first = givenCharacter(random, gender);
  // About one name in five has a one-character given name; compound surnames rarely take two.
  if (random.chance(surname.length > 1 ? 0.5 : 0.2)) return surname + first;
  return surname + first + givenCharacter(random, gender);
}

/** How often givenCharacter draws each character for a gender, from the lists above. */
function givenOdds(gender: 'male' | 'female'): Map<string, number> {
  const odds = new Map<string, number>();
  const own = gender === 'male' ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  for (const c of SHARED_CHARACTERS)
    odds.set(c, (odds.get(c) ?? 0) + 0.2 / SHARED_CHARACTERS.length);
  for (const c of own) odds.set(c, (odds.get(c) ?? 0) + 0.8 / own.length);
  return odds;
}

function topBy(odds: Map<string, number>, n: number): string[] {
  return [...odds]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name]) => name);
}

/**
 * The commonest names the generator writes, by its own odds: two-character full names (王丽, 陈伟:
 * a one-character surname and a one-character given name) and two-character given names (建国).
 * Clerks type these most, and a uniform sample of the register rarely draws them.
 */
export function commonNames(n: number): { fullNames: string[]; givenNames: string[] } {
  const total = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);
  const genders = [givenOdds('male'), givenOdds('female')];
  const full = new Map<string, number>();
  const given = new Map<string, number>();
  for (const odds of genders) {
    for (const [surname, weight] of SURNAMES) {
      if (surname.length !== 1) continue;
      for (const [c, p] of odds) {
        const name = surname + c;
        full.set(name, (full.get(name) ?? 0) + (weight / total) * 0.2 * p * 0.5);
      }
    }
    for (const [first, p1] of odds) {
      for (const [second, p2] of odds) {
        const name = first + second;
        given.set(name, (given.get(name) ?? 0) + 0.8 * p1 * p2 * 0.5);
      }
    }
  }
  return { fullNames: topBy(full, n), givenNames: topBy(given, n) };
}
