import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addItem, addOrgUnit, addResident } from '../testing/case-rows';
import { fullScans, planProbe } from '../testing/plan-probe';
import { addUser } from '../testing/case-scenario';
import { createHarness, setUpTownship, type Harness } from '../testing/harness';
import * as stats from './repository';

let h: Harness;
let admin: string;
let clerk: string;
let village: string;
let items: { jiuzhu: string; dibao: string };

/**
 * November 2026 at 五马街道: five cases — two completed on time, one completed late after a 补正,
 * one 不予受理, one waiting for 补正 (taken in at 00:30 on the 27th, Shanghai time) — two of them
 * filed by the village 蝉街社区, one of those handed over late; four ratings, two of them bad.
 * Outside: a case at 23:59 on 31 October (Shanghai), a case of another township, an October rating.
 */
beforeAll(async () => {
  h = await createHarness();
  const { setup, token } = await setUpTownship(h);
  admin = token;
  clerk = (await addUser(h, admin, { username: 'clerk1', displayName: '王芳', role: 'clerk' }))
    .token;
  const db = h.backend.runtime.db;
  const T = setup.orgUnit.id;
  village = await addOrgUnit(db, {
    code: '330302001001',
    name: '蝉街社区',
    level: 'village',
    parentId: T,
  });
  const elsewhere = await addOrgUnit(db, {
    code: '330302002',
    name: '南城街道',
    level: 'township',
    parentId: null,
  });
  const jiuzhu = await addItem(db, T, { code: 'MZ-002', name: '临时救助申请' });
  const dibao = await addItem(db, T, { code: 'MZ-001', name: '最低生活保障申请' });
  items = { jiuzhu: jiuzhu.itemId, dibao: dibao.itemId };
  const resident = { id: '', name: '张三丰' };
  resident.id = await addResident(db, T, { name: resident.name, docNumber: '330302199001011234' });
  const base = { orgUnitId: T, resident };

  const onTime1 = await addCase(db, {
    ...base,
    caseNo: '330302001001-01-20261102-0001',
    item: jiuzhu,
    state: 'completed',
    createdAt: '2026-11-02T02:00:00.000Z',
    channel: 'agency',
    agencyOrgId: village,
    handoffDueDate: '2026-11-03',
    // 00:00 on the 4th in Shanghai: a day late.
    handedOverAt: '2026-11-03T16:00:00.000Z',
    acceptedDate: '2026-11-04',
    dueDate: '2026-11-10',
    completedDate: '2026-11-09',
    history: ['agency_draft', 'awaiting_receipt', 'accepted'],
  });
  const onTime2 = await addCase(db, {
    ...base,
    caseNo: '330302001001-01-20261104-0001',
    item: jiuzhu,
    state: 'completed',
    createdAt: '2026-11-04T02:00:00.000Z',
    channel: 'agency',
    agencyOrgId: village,
    handoffDueDate: '2026-11-06',
    // 23:59 on the 6th in Shanghai: still in time.
    handedOverAt: '2026-11-06T15:59:00.000Z',
    acceptedDate: '2026-11-07',
    dueDate: '2026-11-12',
    completedDate: '2026-11-12',
    history: ['agency_draft', 'awaiting_receipt', 'accepted'],
  });
  const late = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261105-0001',
    item: dibao,
    state: 'completed',
    createdAt: '2026-11-05T02:00:00.000Z',
    acceptedDate: '2026-11-06',
    dueDate: '2026-11-13',
    completedDate: '2026-11-16',
    history: ['pending_supplement', 'accepted'],
  });
  const rejected = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261106-0001',
    item: dibao,
    state: 'rejected',
    createdAt: '2026-11-06T02:00:00.000Z',
  });
  await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261127-0001',
    item: dibao,
    state: 'pending_supplement',
    createdAt: '2026-11-26T16:30:00.000Z',
  });
  const october = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261031-0001',
    item: dibao,
    state: 'accepted',
    createdAt: '2026-10-31T15:59:59.999Z',
    acceptedDate: '2026-10-31',
    dueDate: '2026-11-06',
  });
  await addCase(db, {
    ...base,
    orgUnitId: elsewhere,
    caseNo: '330302002-01-20261110-0001',
    item: dibao,
    state: 'rejected',
    createdAt: '2026-11-10T02:00:00.000Z',
  });

  const ratings: [string, string, string, 'open' | 'done' | null][] = [
    [onTime1, 'very_satisfied', '2026-11-09T05:00:00.000Z', null],
    [onTime2, 'satisfied', '2026-11-12T05:00:00.000Z', null],
    [late, 'very_dissatisfied', '2026-11-16T05:00:00.000Z', 'done'],
    [rejected, 'dissatisfied', '2026-11-06T05:00:00.000Z', 'open'],
  ];
  for (const [n, [caseId, level, ratedAt, followup]] of ratings.entries()) {
    const sync = {
      org_unit_id: T,
      created_at: ratedAt,
      created_by: null,
      updated_at: ratedAt,
      updated_by: null,
      origin_terminal_id: 'terminal-test',
      version: 'v',
      deleted_at: null,
    };
    await db
      .insertInto('ratings')
      .values({
        ...sync,
        id: `rating-${n}`,
        case_id: caseId,
        level,
        comment: null,
        rated_at: ratedAt,
        bad: followup ? 1 : 0,
      })
      .execute();
    if (followup) {
      await db
        .insertInto('rating_followups')
        .values({
          ...sync,
          id: `followup-${n}`,
          rating_id: `rating-${n}`,
          case_id: caseId,
          due_date: '2026-12-07',
          state: followup,
          callback_at: null,
          callback_by: null,
          callback_note: null,
          rectification: null,
        })
        .execute();
    }
  }
  await db
    .insertInto('ratings')
    .values({
      id: 'rating-october',
      org_unit_id: T,
      created_at: '2026-10-31T15:00:00.000Z',
      created_by: null,
      updated_at: '2026-10-31T15:00:00.000Z',
      updated_by: null,
      origin_terminal_id: 'terminal-test',
      version: 'v',
      deleted_at: null,
      case_id: october,
      level: 'very_dissatisfied',
      comment: null,
      rated_at: '2026-10-31T15:00:00.000Z',
      bad: 1,
    })
    .execute();
}, 60_000);
afterAll(async () => {
  await h.cleanup();
});

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

const TOTALS = {
  takenIn: 5,
  accepted: 3,
  completed: 3,
  completedOnTime: 2,
  overdue: 1,
  supplement: 2,
  rejected: 1,
};

describe('stats.counter', () => {
  it('counts the cases taken in during November by what became of them', async () => {
    const result = await h.ok('stats.counter', NOVEMBER, admin);
    expect(result.totals).toEqual({ ...TOTALS, onTimeRate: 2 / 3 });
  });

  it('splits the counts by item, the busiest first', async () => {
    const { byItem } = await h.ok('stats.counter', NOVEMBER, admin);
    expect(byItem).toEqual([
      {
        itemId: items.dibao,
        itemName: '最低生活保障申请',
        takenIn: 3,
        accepted: 1,
        completed: 1,
        completedOnTime: 0,
        overdue: 1,
        supplement: 2,
        rejected: 1,
        onTimeRate: 0,
      },
      {
        itemId: items.jiuzhu,
        itemName: '临时救助申请',
        takenIn: 2,
        accepted: 2,
        completed: 2,
        completedOnTime: 2,
        overdue: 0,
        supplement: 0,
        rejected: 0,
        onTimeRate: 1,
      },
    ]);
  });

  it.each([
    ['day', ['2026-11-02', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-27']],
    ['month', ['2026-11']],
    ['quarter', ['2026-Q4']],
    ['year', ['2026']],
  ] as const)('groups by %s on Shanghai dates', async (period, expected) => {
    const { byPeriod } = await h.ok('stats.counter', { ...NOVEMBER, period }, admin);
    expect(byPeriod.map((row) => row.period)).toEqual(expected);
    expect(byPeriod.reduce((sum, row) => sum + row.takenIn, 0)).toBe(5);
  });

  it('counts agency cases by village with the hand-offs made after their limit day', async () => {
    const { agencyByVillage } = await h.ok('stats.counter', NOVEMBER, admin);
    expect(agencyByVillage).toEqual([
      { orgUnitId: village, villageName: '蝉街社区', cases: 2, handedOverLate: 1 },
    ]);
  });

  it('gives the 好差评 distribution and the bad-rating follow-up rate', async () => {
    const result = await h.ok('stats.counter', NOVEMBER, admin);
    expect(result.ratings).toEqual([
      { level: 'very_satisfied', count: 1 },
      { level: 'satisfied', count: 1 },
      { level: 'basically_satisfied', count: 0 },
      { level: 'dissatisfied', count: 1 },
      { level: 'very_dissatisfied', count: 1 },
    ]);
    expect(result).toMatchObject({ badRatings: 2, followupsDone: 1, followupRate: 0.5 });
  });

  it('takes in the case of 23:59 on 31 October only in October', async () => {
    const october = await h.ok('stats.counter', { from: '2026-10-01', to: '2026-10-31' }, admin);
    expect(october.totals).toMatchObject({ takenIn: 1, accepted: 1, overdue: 1 });
    expect(october.totals.onTimeRate).toBeNull();
    expect(october).toMatchObject({ badRatings: 1, followupsDone: 0, followupRate: 0 });
  });

  it('answers with empty counts and no rates for a period without cases', async () => {
    const empty = await h.ok('stats.counter', { from: '2025-01-01', to: '2025-01-31' }, admin);
    expect(empty.totals).toEqual({
      takenIn: 0,
      accepted: 0,
      completed: 0,
      completedOnTime: 0,
      overdue: 0,
      supplement: 0,
      rejected: 0,
      onTimeRate: null,
    });
    expect(empty.followupRate).toBeNull();
  });

  it('narrows every figure to one item, ratings by their case’s item', async () => {
    const result = await h.ok('stats.counter', { ...NOVEMBER, itemId: items.jiuzhu }, admin);
    expect(result.totals).toMatchObject({ takenIn: 2, completed: 2, completedOnTime: 2 });
    expect(result.byItem.map((row) => row.itemName)).toEqual(['临时救助申请']);
    expect(result.byPeriod).toMatchObject([{ period: '2026-11', takenIn: 2 }]);
    expect(result.agencyByVillage).toMatchObject([{ villageName: '蝉街社区', cases: 2 }]);
    expect(result.ratings.filter((row) => row.count > 0)).toEqual([
      { level: 'very_satisfied', count: 1 },
      { level: 'satisfied', count: 1 },
    ]);
    expect(result).toMatchObject({ badRatings: 0, followupsDone: 0, followupRate: null });
  });

  it('refuses a range that ends before it starts, and a counter clerk', async () => {
    const backwards = await h.call(
      'stats.counter',
      { from: '2026-11-30', to: '2026-11-01' },
      admin,
    );
    expect(backwards.ok ? null : backwards.error.code).toBe('INVALID_INPUT');
    const denied = await h.call('stats.counter', NOVEMBER, clerk);
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
  });
});

describe('stats.counterExcel', () => {
  it('writes the same numbers into five sheets with Chinese headers', async () => {
    const file = await h.ok('stats.counterExcel', { ...NOVEMBER, period: 'quarter' }, admin);
    expect(file.fileName).toBe('窗口统计-20261101-20261130.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '汇总',
      '按事项',
      '按期间',
      '代办',
      '好差评',
    ]);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const summary = rows('汇总');
    expect(summary.slice(0, 10)).toEqual([
      ['指标', '数值'],
      ['统计期间（受理日期）', '2026-11-01 至 2026-11-30'],
      ['收件量', 5],
      ['受理量', 3],
      ['办结量', 3],
      ['按时办结量', 2],
      ['超期量', 1],
      ['补正量', 2],
      ['不予受理量', 1],
      ['按时办结率', 2 / 3],
    ]);
    expect(workbook.getWorksheet('汇总')!.getRow(10).getCell(2).numFmt).toBe('0.0%');
    expect(summary.slice(10)).toEqual([
      ['评价总数', 4],
      ['差评数', 2],
      ['差评已回访整改', 1],
      ['差评回访率', 0.5],
    ]);
    expect(rows('按事项')[0]).toEqual([
      '事项',
      '收件',
      '受理',
      '办结',
      '按时办结',
      '超期',
      '补正',
      '不予受理',
      '按时办结率',
    ]);
    expect(rows('按事项')[1]).toEqual(['最低生活保障申请', 3, 1, 1, 0, 1, 2, 1, 0]);
    expect(rows('按期间')[1]).toEqual(['2026年第4季度', 5, 3, 3, 2, 1, 2, 1, 2 / 3]);
    expect(rows('代办')).toEqual([
      ['村（社区）', '代办件数', '逾期移交'],
      ['蝉街社区', 2, 1],
    ]);
    expect(rows('好差评')).toEqual([
      ['评价等级', '数量'],
      ['非常满意', 1],
      ['满意', 1],
      ['基本满意', 0],
      ['不满意', 1],
      ['非常不满意', 1],
    ]);
  });

  it('names the item a filtered export counts', async () => {
    const file = await h.ok('stats.counterExcel', { ...NOVEMBER, itemId: items.dibao }, admin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    const cells = (row: number) => (summary.getRow(row).values as unknown[]).slice(1);
    expect(cells(3)).toEqual(['事项', '最低生活保障申请']);
    expect(cells(4)).toEqual(['收件量', 3]);
    const unknown = await h.call('stats.counterExcel', { ...NOVEMBER, itemId: 'no-such' }, admin);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('the statistics read only the period’s rows', () => {
  it('answers every query from an index', async () => {
    const probe = await planProbe();
    try {
      const range = {
        orgIds: ['township', 'village'],
        fromIso: 'a',
        toIso: 'b',
        today: '2026-11-27',
      };
      await stats.totals(probe.db, range);
      await stats.countsByItem(probe.db, range);
      for (const period of ['day', 'month', 'quarter', 'year'] as const) {
        await stats.countsByPeriod(probe.db, range, period);
      }
      await stats.agencyByVillage(probe.db, range);
      await stats.ratingLevels(probe.db, range);
      await stats.badRatingFollowups(probe.db, range);
      const oneItem = { ...range, itemId: 'item' };
      await stats.totals(probe.db, oneItem);
      await stats.ratingLevels(probe.db, oneItem);
      const plans = await probe.plans();
      expect(plans).toHaveLength(12);
      for (const plan of plans) {
        expect(fullScans(plan.lines), plan.sql).toEqual([]);
        expect(plan.lines.join('\n')).toMatch(
          /SEARCH (c|r|f) USING (COVERING )?INDEX (cases_(live_)?org_(created|item)|ratings_(live_)?org|rating_followups_org)/,
        );
      }
    } finally {
      await probe.close();
    }
  });
});
