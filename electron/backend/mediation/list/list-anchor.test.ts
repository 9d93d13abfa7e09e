import { describe, expect } from 'vitest';
import { FILE, SET_UP_TIME, staffTest } from '../../testing/mediation-staff';
import { zhangAndLi } from '../../testing/mediation-inputs';
import { neighbourDispute } from '@shared/testing/people';

/** mediation.list with anchors: the cursors it gives lead to the offset's pages; bad ones are refused. */

const PAGE_SIZE = 2;

const test = staffTest.extend('list', FILE, ({ harness: h, villageAMediator: mediator }) => {
  return (input: Record<string, unknown>) =>
    h.ok('mediation.list', { pageSize: PAGE_SIZE, ...input }, mediator.token);
});

test.beforeAll(async ({ harness: h, township: c, villageAMediator: mediator }) => {
  const pair = zhangAndLi();
  for (let n = 0; n < 7; n += 1) {
    // Some left unaccepted: no due date, so that they run over the last pages by due date.
    await h.ok(
      'mediation.register',
      neighbourDispute(pair, { acceptNow: n % 3 !== 0 }),
      mediator.token,
    );
    if (n % 2 === 0) c.advanceDays(1);
  }
}, SET_UP_TIME);

type Sort = { sortBy: 'registeredOn' | 'dueDate' | 'caseNo'; sortDir: 'asc' | 'desc' };

describe('mediation.list by anchor', () => {
  test.for<Sort>([
    { sortBy: 'registeredOn', sortDir: 'desc' },
    { sortBy: 'dueDate', sortDir: 'asc' },
    { sortBy: 'caseNo', sortDir: 'desc' },
  ])('gives the offset’s pages: %o', async (sort, { list }) => {
    const byOffset: string[][] = [];
    for (let page = 1; page <= 4; page += 1) {
      byOffset.push((await list({ ...sort, page })).rows.map((row) => row.id));
    }
    expect(byOffset.flat()).toHaveLength(7);
    for (let from = 1; from <= 4; from += 1) {
      const here = await list({ ...sort, page: from });
      const anchor = { page: from, first: here.firstCursor, last: here.lastCursor };
      for (const to of [from - 1, from + 1, from + 2].filter((page) => page >= 1 && page <= 4)) {
        const there = await list({ ...sort, page: to, anchor });
        expect(
          there.rows.map((row) => row.id),
          `${from} → ${to}`,
        ).toEqual(byOffset[to - 1]);
      }
    }
  });

  test('ignores the anchor for a search', async ({ list }) => {
    const first = await list({ query: '张三', page: 1 });
    const third = await list({ query: '张三', page: 3 });
    // Page 1's cursors called page 2's: a seek would give page 2 again.
    const anchor = { page: 2, first: first.firstCursor, last: first.lastCursor };
    expect((await list({ query: '张三', page: 3, anchor })).rows).toEqual(third.rows);
  });

  test('refuses a malformed cursor, or one whose key does not fit the order', async ({
    harness: h,
    villageAMediator: mediator,
    list,
  }) => {
    const first = await list({ sortBy: 'caseNo', sortDir: 'desc', page: 1 });
    const decoded = JSON.parse(Buffer.from(first.lastCursor!, 'base64url').toString('utf8'));
    expect(decoded.k).toHaveLength(2);
    const forged = Buffer.from(JSON.stringify({ ...decoded, k: ['2026', 1] })).toString(
      'base64url',
    );
    for (const cursor of ['not a cursor', forged]) {
      const result = await h.call(
        'mediation.list',
        {
          sortBy: 'caseNo',
          sortDir: 'desc',
          page: 2,
          pageSize: PAGE_SIZE,
          anchor: { page: 1, first: cursor, last: cursor },
        },
        mediator.token,
      );
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'INVALID_CURSOR',
        message: '翻页位置无效，请回到第一页重新翻页',
      });
    }
  });
});
