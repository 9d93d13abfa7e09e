import { describe, expect } from 'vitest';
import type { PageSeek } from '../../core/page-cursor';
import { listCaseRows, listQuery } from './repository';
import type { CaseFilter } from './filter-sql';
import type { CaseSort } from './walk-sql';
import { fullScans, type PlanProbe } from '../../testing/plan-probe';
import { PLAN_SCOPE as scope, planProbeFileTest as test } from '../../testing/cases';
import { classifyCaseSearch } from '../search/case-search';
import { EVERY_INDEX } from '../../db/named-indexes';
const plain: CaseFilter = { search: classifyCaseSearch(''), states: [] };

const SORT_COLUMNS: [CaseSort['by'], string, string][] = [
  ['createdAt', 'cases_live_org_created', 'created_at'],
  ['dueDate', 'cases_live_org_due', 'due_date'],
  ['caseNo', 'cases_live_org_case_no', 'case_no'],
  ['handedOverAt', 'cases_live_org_handed_over', 'handed_over_at'],
];
const NULLABLE = new Set<CaseSort['by']>(['dueDate', 'handedOverAt']);

const ANCHOR_ROWID = 5000;

function seekOf(key: string | null, backward: boolean): PageSeek {
  return { from: { key: [key], rowid: ANCHOR_ROWID }, backward, skip: 0 };
}

/** The plan of the page of the plain list in `sort` that starts from an anchor with `key`. */
async function anchoredPagePlan(
  probe: PlanProbe,
  sort: CaseSort,
  key: string | null,
  backward: boolean,
) {
  await listCaseRows(probe.db, plain, scope, sort, 20, 400, undefined, seekOf(key, backward));
  const [plan] = (await probe.plans()).filter((p) => p.sql.startsWith('SELECT c.id'));
  return plan!;
}

/** The walks of the caller's own units in a plan: the lines on the sort's index. */
function unitWalks(lines: readonly string[], index: string): string[] {
  return lines.filter((line) => line.startsWith(`SEARCH c USING INDEX ${index} `));
}

describe('an anchored page', () => {
  const cases = SORT_COLUMNS.flatMap(([by, index, column]) =>
    (['desc', 'asc'] as const).flatMap((dir) =>
      [false, true].map((backward) => [by, dir, backward, index, column] as const),
    ),
  );

  test.for(cases)(
    'by %s %s (backward: %s) starts each unit’s walk at the anchor on its index',
    async ([by, dir, backward, index, column], { probe }) => {
      const plan = await anchoredPagePlan(probe, { by, dir }, '2026', backward);
      expect(fullScans(plan.lines), plan.sql).toEqual([]);
      // Reading toward smaller keys (DESC forward, ASC backward) is a range below the anchor.
      const op = (dir === 'desc') !== backward ? '<' : '>';
      const keyed = unitWalks(plan.lines, index).filter((line) => !line.includes(`${column}=?`));
      // Each own unit, and the hand-offs owned outside the tree, which SQLite reads on it too.
      expect(keyed.length).toBeGreaterThanOrEqual(scope.orgIds.length);
      // A key that may be NULL adds its `IS NOT NULL` as the range's other end (>NULL).
      const range = new RegExp(
        `^SEARCH c USING INDEX ${index} \\(org_unit_id=\\?( AND ${column}>\\?)? AND ${column}${op}\\?\\)$`,
      );
      for (const line of keyed) expect(line).toMatch(range);
      if (!NULLABLE.has(by)) return;
      // The cases without the key come after the anchor going forward, all of them; none going back.
      const keyless = unitWalks(plan.lines, index).filter((line) => line.includes(`${column}=?`));
      if (backward) expect(keyless).toEqual([]);
      else expect(keyless.length).toBeGreaterThanOrEqual(scope.orgIds.length);
    },
  );

  test.for(SORT_COLUMNS.filter(([by]) => NULLABLE.has(by)))(
    'by %s, past a case without the key, walks those cases on by rowid',
    async ([by, index, column], { probe }) => {
      for (const backward of [false, true]) {
        const plan = await anchoredPagePlan(probe, { by, dir: 'desc' }, null, backward);
        const op = backward ? '>' : '<';
        const keyless = unitWalks(plan.lines, index).filter((line) => line.includes(`${column}=?`));
        expect(keyless.length).toBeGreaterThanOrEqual(scope.orgIds.length);
        for (const line of keyless) {
          expect(line).toBe(
            `SEARCH c USING INDEX ${index} (org_unit_id=? AND ${column}=? AND rowid${op}?)`,
          );
        }
        // Going back from there, the cases with the key are all before it; going on, none are.
        const keyed = unitWalks(plan.lines, index).filter((line) => !line.includes(`${column}=?`));
        if (backward) expect(keyed.length).toBeGreaterThanOrEqual(scope.orgIds.length);
        else expect(keyed).toEqual([]);
      }
    },
  );

  test('reads a page per walk however deep the page, where the offset reads every row before it', ({
    probe,
  }) => {
    const sort: CaseSort = { by: 'createdAt', dir: 'desc' };
    const limits = (seek: PageSeek | null) =>
      listQuery(plain, scope, sort, 20, 10_000, { kind: 'none' }, EVERY_INDEX, seek)
        .compile(probe.db)
        .parameters.filter((value) => typeof value === 'number' && value !== ANCHOR_ROWID);
    // Three own units and two other parts of the scope: five walks, then the merge's LIMIT/OFFSET.
    expect(limits(seekOf('2026', false))).toEqual([20, 20, 20, 20, 20, 20, 0]);
    expect(limits(null)).toEqual([10_020, 10_020, 10_020, 10_020, 10_020, 20, 10_000]);
  });
});
