import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { addCase } from '../../testing/case-rows';
import { caseListFileTest as test, SCENE_TIMEOUT_MS } from '../../testing/cases';

// Read-only tests: one scenario for the file keeps the password hashing of its users to once.

type ListInput = MethodInput<'cases.list'>;

describe('cases.list', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('lists every case in the clerk’s scope, newest first, with the total', async ({
    harness: h,
    township: s,
    letters,
  }) => {
    const page = await h.ok('cases.list', {}, s.clerk.token);
    expect(page.total).toBe(8);
    expect(await letters({})).toEqual(['D', 'G', 'H', 'B', 'A', 'C', 'E', 'F']);
    const first = page.rows[0]!;
    expect(first).toMatchObject({
      caseNo: '330302001-01-20261126-0002',
      state: 'pending_supplement',
      itemName: '最低生活保障申请',
      applicantName: '李四',
      channel: 'counter',
      agencyOrgName: null,
      deadline: 'none',
    });
    expect(page.rows.find((row) => row.id === s.ids.G)?.agencyOrgName).toBe('蝉街社区');
  });

  test('pages in the database and keeps the total of the whole list', async ({
    harness: h,
    township: s,
    letters,
  }) => {
    const second = await h.ok('cases.list', { page: 2, pageSize: 3 }, s.clerk.token);
    expect(second.total).toBe(8);
    expect(await letters({ page: 2, pageSize: 3 })).toEqual(['B', 'A', 'C']);
    expect(await letters({ page: 3, pageSize: 3 })).toEqual(['E', 'F']);
  });

  test('shows where each open case stands against its limit', async ({
    harness: h,
    township: s,
  }) => {
    const { rows } = await h.ok('cases.list', {}, s.clerk.token);
    const deadline = Object.fromEntries(
      Object.entries(s.ids).map(([letter, id]) => [
        letter,
        rows.find((row) => row.id === id)?.deadline,
      ]),
    );
    expect(deadline).toEqual({
      A: 'due_today',
      B: 'due_soon',
      C: 'overdue',
      D: 'none',
      E: 'none',
      F: 'none',
      G: 'none',
      H: 'due_soon',
      X: undefined,
    });
  });

  test.for<[string, ListInput, string[]]>([
    ['state', { states: ['completed'] }, ['E', 'F']],
    ['two states', { states: ['accepted', 'processing'] }, ['B', 'A', 'C']],
    ['item', { itemId: 'item' }, ['D', 'A', 'F']],
    ['agency channel', { channel: 'agency' }, ['G', 'H']],
    ['counter channel', { channel: 'counter' }, ['D', 'B', 'A', 'C', 'E', 'F']],
    ['overdue only', { overdueOnly: true }, ['C']],
    // D was taken in at 00:30 on the 27th in Shanghai, 16:30 on the 26th in UTC.
    ['created on the 27th (Shanghai)', { from: '2026-11-27', to: '2026-11-27' }, ['D']],
    ['created on the 26th (Shanghai)', { from: '2026-11-26', to: '2026-11-26' }, ['G']],
    ['created in a range', { from: '2026-11-16', to: '2026-11-23' }, ['B', 'A', 'C']],
  ])('filters by %s', async ([, input, expected], { township: s, letters }) => {
    const resolved = input.itemId ? { ...input, itemId: s.items.dibao.itemId } : input;
    expect(await letters(resolved)).toEqual(expected);
  });

  test('filters by the agent who filed', async ({ township: s, letters }) => {
    expect(await letters({ agentUserId: s.agent.userId })).toEqual(['G', 'H']);
  });

  test.for<[string, ListInput, string[]]>([
    [
      'due date, soonest first',
      { sortBy: 'dueDate', sortDir: 'asc' },
      ['F', 'E', 'C', 'A', 'B', 'H', 'G', 'D'],
    ],
    [
      'due date, latest first',
      { sortBy: 'dueDate', sortDir: 'desc' },
      ['B', 'A', 'C', 'E', 'F', 'D', 'G', 'H'],
    ],
    ['case number', { sortBy: 'caseNo', sortDir: 'asc' }, ['F', 'E', 'C', 'A', 'B', 'D', 'H', 'G']],
    [
      'oldest first',
      { sortBy: 'createdAt', sortDir: 'asc' },
      ['F', 'E', 'C', 'A', 'B', 'H', 'G', 'D'],
    ],
  ])('sorts by %s', async ([, input, expected], { letters }) => {
    expect(await letters(input)).toEqual(expected);
  });

  test('shows a village agent only the cases of their village, after the hand-over too', async ({
    township: s,
    letters,
  }) => {
    expect(await letters({}, s.agent.token)).toEqual(['G', 'H']);
  });
});

describe('cases.list search', { timeout: SCENE_TIMEOUT_MS }, () => {
  test.for<[string, string, string[]]>([
    ['a case number’s sequence', '0002', ['D']],
    ['a case number’s date and start of sequence', '20261126-00', ['D', 'G']],
    ['digits without the dashes', '202611260002', ['D']],
    ['full-width digits', '２０２６１１２６－００', ['D', 'G']],
    ['three characters of a name', '张三丰', ['G', 'A', 'E']],
    ['three characters of an item', '最低生活', ['D', 'A', 'F']],
    ['two characters of a name', '张三', ['G', 'A', 'E']],
    ['a two-character name', '李四', ['D', 'H', 'B']],
    ['two characters of an item', '救助', ['G', 'B', 'E']],
    ['pinyin initials', 'zsf', ['G', 'A', 'E']],
    ['the start of pinyin initials, upper case', 'ZS', ['G', 'A', 'E']],
    ['a name nobody has', '赵六', []],
  ])('finds %s (%s)', async ([, query, expected], { harness: h, township: s, letters }) => {
    expect(await letters({ query })).toEqual(expected);
    const { total } = await h.ok('cases.list', { query }, s.clerk.token);
    expect(total).toBe(expected.length);
  });

  test('combines a search with filters and paging', async ({
    harness: h,
    township: s,
    letters,
  }) => {
    expect(await letters({ query: '张三', states: ['completed'] })).toEqual(['E']);
    const page = await h.ok('cases.list', { query: '张三', pageSize: 2, page: 2 }, s.clerk.token);
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.id)).toEqual([s.ids.E]);
  });

  test('never finds cases outside the caller’s scope', async ({ township: s, letters }) => {
    expect(await letters({ query: '张三丰' }, s.agent.token)).toEqual(['G']);
    expect(await letters({ query: '0001' }, s.agent.token)).toEqual(['G', 'H']);
  });

  test('takes a name, an item or a number typed as something that looks like SQL or FTS syntax', async ({
    harness: h,
    township: s,
  }) => {
    for (const query of ['"张三', "张' OR 1=1 --", '最低 OR 救助', 'NEAR(张三丰)']) {
      const result = await h.call('cases.list', { query }, s.clerk.token);
      expect(result.ok).toBe(true);
    }
  });

  test.for([
    ['00', '按编号查找请至少输入 3 位数字，例如 0001'],
    ['7', '按编号查找请至少输入 3 位数字，例如 0001'],
    ['张', '请至少输入 2 个汉字，例如申请人姓名或事项名称'],
    ['z', '请至少输入 2 个拼音首字母，例如 zs'],
  ])('asks for more than “%s”', async ([query, message], { harness: h, township: s }) => {
    const result = await h.call('cases.list', { query }, s.clerk.token);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'QUERY_TOO_SHORT', message });
  });
});

describe('cases.ofResident', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('lists all of a resident’s cases in scope, newest first (一人一档)', async ({
    harness: h,
    township: s,
  }) => {
    const rows = await h.ok(
      'cases.ofResident',
      { residentId: s.residents.zhang.id },
      s.clerk.token,
    );
    expect(rows.map((row) => row.caseNo)).toEqual([
      '330302001001-01-20261126-0001',
      '330302001-01-20261120-0001',
      '330302001-01-20261110-0001',
    ]);
  });

  test('answers NOT_FOUND for a resident that does not exist', async ({
    harness: h,
    township: s,
  }) => {
    expect(await h.code('cases.ofResident', { residentId: 'nobody' }, s.clerk.token)).toBe(
      'NOT_FOUND',
    );
  });
});

describe('hand-offs owned outside the tree', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('are followed by the village they came from', async ({ harness: h, township: s, db }) => {
    // Last in the file: it adds a case the other tests do not expect.
    const Y = await addCase(db, {
      caseNo: '330302001001-01-20261127-0001',
      orgUnitId: s.elsewhere,
      item: s.items.jiuzhu,
      resident: s.residents.li,
      state: 'accepted',
      createdAt: '2026-11-27T00:30:00.000Z',
      channel: 'agency',
      agencyOrgId: s.village,
      acceptedDate: '2026-11-27',
      dueDate: '2026-12-04',
    });
    const seen = async (token: string) => {
      const page = await h.ok('cases.list', {}, token);
      return { first: page.rows[0]?.id, total: page.total };
    };
    expect(await seen(s.agent.token)).toEqual({ first: Y, total: 3 });
    expect(await seen(s.clerk.token)).toEqual({ first: Y, total: 9 });
    const found = await h.ok('cases.list', { query: '20261127-0001' }, s.agent.token);
    expect(found.rows.map((row) => row.id)).toEqual([Y]);
  });
});
