import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { caseListScenario } from '../testing/case-scenario';
import { test } from '../testing/fixtures';
import { up } from './migrations/2026_11_28_1100_case_initials_as_recorded';

describe('2026_11_28_1100 case initials as recorded', () => {
  test("gives a renamed resident's earlier cases the initials of the name they were taken in under", async ({
    harness: h,
  }) => {
    const s = await caseListScenario(h);
    const db = h.backend.runtime.db;
    // 张三丰 is renamed 张三 in the register; 0540 then filled every case from the register.
    await sql`UPDATE residents SET name = '张三', initials = 'zs' WHERE id = ${s.residents.zhang.id}`.execute(
      db,
    );
    await sql`UPDATE cases SET applicant_initials = coalesce(
      (SELECT r.initials FROM residents r WHERE r.id = cases.resident_id), '')`.execute(db);
    const search = async () =>
      (await h.ok('cases.list', { query: 'zsf', pageSize: 50 }, s.clerk.token)).rows.map(
        (row) => row.applicantName,
      );
    expect(await search()).toEqual([]);

    await up(db as never);

    const found = await search();
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(['张三丰']));
    const initials = await sql<{ name: string; initials: string }>`SELECT DISTINCT
        applicant_name AS name, applicant_initials AS initials FROM cases ORDER BY 1`.execute(db);
    expect(initials.rows).toEqual(
      expect.arrayContaining([
        { name: '张三丰', initials: 'zsf' },
        { name: '李四', initials: 'ls' },
      ]),
    );
  });
});
