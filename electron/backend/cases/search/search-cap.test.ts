import { describe, expect } from 'vitest';
import { SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import { addCase, addResident } from '../../testing/case-rows';
import { caseListWith } from '../../testing/cases';

const MANY = SEARCH_TOTAL_CAP + 5;

/** More cases of one applicant than a search counts, all of them matching her name. */
const test = caseListWith(async (db, s) => {
  const resident = { id: '', name: '欧阳常来' };
  resident.id = await addResident(db, s.township, {
    name: resident.name,
    docNumber: '330302197001011239',
  });
  for (let i = 0; i < MANY; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    await addCase(db, {
      caseNo: `330302001-01-202610${day}-${String(i + 1).padStart(4, '0')}`,
      orgUnitId: s.township,
      item: s.items.jiuzhu,
      resident,
      state: 'accepted',
      createdAt: `2026-10-${day}T02:${String(i % 60).padStart(2, '0')}:00.000Z`,
      acceptedDate: `2026-10-${day}`,
      dueDate: '2026-12-31',
    });
  }
});

// Writing the cases takes long on a busy machine; the first test waits for it.
describe('a search past its counted matches', { timeout: 120_000 }, () => {
  test('shows the last page the pager offers and nothing past it', async ({
    harness: h,
    township: s,
  }) => {
    const last = await h.ok(
      'cases.list',
      { query: '欧阳常来', page: SEARCH_TOTAL_CAP, pageSize: 1 },
      s.clerk.token,
    );
    expect(last).toMatchObject({ total: SEARCH_TOTAL_CAP, totalIsLowerBound: true });
    expect(last.rows).toHaveLength(1);
    expect(last.rows[0]!.applicantName).toBe('欧阳常来');

    const past = await h.ok(
      'cases.list',
      { query: '欧阳常来', page: SEARCH_TOTAL_CAP + 1, pageSize: 1 },
      s.clerk.token,
    );
    expect(past).toMatchObject({ rows: [], total: SEARCH_TOTAL_CAP, totalIsLowerBound: true });
  });

  test('still pages the plain list past that point', async ({ harness: h, township: s }) => {
    const page = await h.ok(
      'cases.list',
      { page: SEARCH_TOTAL_CAP + 1, pageSize: 1 },
      s.clerk.token,
    );
    expect(page.rows).toHaveLength(1);
  });
});
