import { describe, expect } from 'vitest';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { PageAnchor } from '@shared/api/methods/page-anchor';
import type { Harness } from '../../testing/harness';
import { addCase, addResident } from '../../testing/case-rows';
import { caseListWith, SCENE_TIMEOUT_MS, type CaseListScene } from '../../testing/cases';

/**
 * Anchored paging (page-anchor.ts) against paging by offset, through cases.list: 下一页, 上一页
 * and jumps of two or three pages from the page on screen give exactly the offset's pages, in every
 * order, across the boundary where the cases without a due date or hand-over time begin.
 */
const PAGE_SIZE = 4;

type Sort = {
  sortBy: 'createdAt' | 'dueDate' | 'caseNo' | 'handedOverAt';
  sortDir: 'asc' | 'desc';
};
type List = Sort & { states: CaseState[] };

/** A page of `list` as the clerk sees it, found by its number or from `anchor`. */
function pager(h: Harness, s: CaseListScene) {
  return (list: List, pageNo: number, anchor?: PageAnchor) => {
    const input = { ...list, page: pageNo, pageSize: PAGE_SIZE, ...(anchor ? { anchor } : {}) };
    return h.ok('cases.list', input, s.clerk.token);
  };
}

/** 48 cases of 李翻页 over the township and its village. */
const test = caseListWith(async (db, s) => {
  const resident = { id: '', name: '李翻页' };
  resident.id = await addResident(db, s.township, {
    name: resident.name,
    docNumber: '330302198807076543',
  });
  // Few distinct keys, so that ties (broken by rowid) fall on page boundaries; a third lack a due
  // date, a half a hand-over time, so that those run over several pages.
  const states: CaseState[] = ['completed', 'accepted', 'processing'];
  for (let n = 0; n < 48; n += 1) {
    const day = String(1 + (n % 7)).padStart(2, '0');
    await addCase(db, {
      caseNo: `330302001-01-202611${String(n % 11).padStart(2, '0')}-${String(n).padStart(4, '0')}`,
      orgUnitId: n % 3 === 0 ? s.village : s.township,
      item: s.items.dibao,
      resident,
      state: states[n % 3]!,
      createdAt: `2026-10-${day}T0${n % 4}:00:00.000Z`,
      dueDate: n % 3 === 2 ? null : `2026-12-${String(1 + (n % 5)).padStart(2, '0')}`,
      handedOverAt: n % 2 === 0 ? null : `2026-10-${day}T09:00:00.000Z`,
    });
  }
})
  .extend('page', ({ harness, township }) => pager(harness, township))
  /** Every page of `list` by offset, as case ids. */
  .extend('offsetPages', ({ page }) => {
    return async (list: List): Promise<string[][]> => {
      const pages: string[][] = [];
      for (let n = 1; ; n += 1) {
        const rows = (await page(list, n)).rows.map((row) => row.id);
        if (rows.length === 0) return pages;
        pages.push(rows);
      }
    };
  });

function anchorOf(
  pageNo: number,
  result: { firstCursor: string | null; lastCursor: string | null },
): PageAnchor {
  return { page: pageNo, first: result.firstCursor!, last: result.lastCursor! };
}

const SORTS: Sort[] = (['createdAt', 'dueDate', 'caseNo', 'handedOverAt'] as const).flatMap(
  (sortBy) => (['desc', 'asc'] as const).map((sortDir) => ({ sortBy, sortDir })),
);
const STATES: CaseState[][] = [[], ['accepted', 'processing'], ['completed']];
const LISTS: List[] = SORTS.flatMap((sort) => STATES.map((states) => ({ ...sort, states })));

describe('anchored paging', { timeout: SCENE_TIMEOUT_MS }, () => {
  test.for(LISTS)(
    'gives the offset’s pages by %o, forward, back and in jumps',
    async (list, { page, offsetPages }) => {
      const expected = await offsetPages(list);
      expect(expected.length).toBeGreaterThanOrEqual(4);
      const last = expected.length;
      for (let from = 1; from <= last; from += 1) {
        const here = await page(list, from);
        expect(here.rows.map((row) => row.id)).toEqual(expected[from - 1]);
        const anchor = anchorOf(from, here);
        for (const step of [1, 2, 3, -1, -2, -3]) {
          const to = from + step;
          if (to < 1) continue;
          const there = await page(list, to, anchor);
          expect(
            there.rows.map((row) => row.id),
            `${from} → ${to}`,
          ).toEqual(expected[to - 1] ?? []);
        }
      }
    },
  );

  test('pages by the cursors, not by the page number they claim', async ({ page, offsetPages }) => {
    const list: List = { sortBy: 'dueDate', sortDir: 'asc', states: [] };
    const expected = await offsetPages(list);
    const second = await page(list, 2);
    // The cursors of page 2 under the name of page 5: page 6 is then the page after page 2.
    const moved = await page(list, 6, { ...anchorOf(2, second), page: 5 });
    expect(moved.rows.map((row) => row.id)).toEqual(expected[2]);
  });

  test('ignores an anchor of another order and finds the page by number', async ({
    page,
    offsetPages,
  }) => {
    const list: List = { sortBy: 'createdAt', sortDir: 'desc', states: [] };
    const other = await page({ ...list, sortDir: 'asc' }, 3);
    const result = await page(list, 4, anchorOf(3, other));
    expect(result.rows.map((row) => row.id)).toEqual((await offsetPages(list))[3]);
  });

  test('ignores the anchor for a search, which pages by offset', async ({
    harness: h,
    township: s,
  }) => {
    const search = { sortBy: 'createdAt' as const, sortDir: 'desc' as const, query: '李翻页' };
    const first = await h.ok(
      'cases.list',
      { ...search, page: 1, pageSize: PAGE_SIZE },
      s.clerk.token,
    );
    const byOffset = await h.ok(
      'cases.list',
      { ...search, page: 3, pageSize: PAGE_SIZE },
      s.clerk.token,
    );
    const anchored = await h.ok(
      'cases.list',
      { ...search, page: 3, pageSize: PAGE_SIZE, anchor: { ...anchorOf(1, first), page: 2 } },
      s.clerk.token,
    );
    expect(byOffset.rows).toHaveLength(PAGE_SIZE);
    expect(anchored.rows).toEqual(byOffset.rows);
  });

  test('returns no cursors for an empty page', async ({ page }) => {
    const result = await page({ sortBy: 'createdAt', sortDir: 'desc', states: [] }, 500);
    expect(result).toMatchObject({ rows: [], firstCursor: null, lastCursor: null });
  });

  test.for<[string, string]>([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{k:').toString('base64url')],
    ['not a cursor', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses a malformed cursor: %s', async ([, cursor], { harness: h, township: s }) => {
    const input = {
      page: 2,
      pageSize: PAGE_SIZE,
      anchor: { page: 1, first: cursor, last: cursor },
    };
    const result = await h.call('cases.list', input, s.clerk.token);
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'INVALID_CURSOR',
      message: '翻页位置无效，请回到第一页重新翻页',
    });
  });

  test('refuses a cursor of this list whose key has the wrong shape', async ({
    harness: h,
    township: s,
    page,
  }) => {
    const list: List = { sortBy: 'createdAt', sortDir: 'desc', states: [] };
    const first = await page(list, 1);
    const decoded = JSON.parse(Buffer.from(first.lastCursor!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...decoded, k: [null] })).toString('base64url');
    expect(
      await h.code(
        'cases.list',
        { ...list, page: 2, pageSize: PAGE_SIZE, anchor: { page: 1, first: forged, last: forged } },
        s.clerk.token,
      ),
    ).toBe('INVALID_CURSOR');
  });
});
