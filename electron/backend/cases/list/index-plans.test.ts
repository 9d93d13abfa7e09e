import { describe, expect } from 'vitest';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import {
  countCases,
  exportCaseRows,
  listCaseRows,
  listQuery,
  pageAcrossUnits,
  residentCaseRows,
} from './repository';
import type { CaseFilter } from './filter-sql';
import { findForeignOwners } from './scope-sql';
import type { CaseSort } from './walk-sql';
import * as worklists from '../dashboard/worklist-sql';
import { fullScans } from '../../testing/plan-probe';
import { PLAN_SCOPE as scope, planProbeFileTest as test } from '../../testing/cases';
import { classifyCaseSearch } from '../search/case-search';
import { EVERY_INDEX } from '../../db/named-indexes';

function filter(query: string, extra: Partial<CaseFilter> = {}): CaseFilter {
  return { search: classifyCaseSearch(query), states: [], ...extra };
}

const QUERIES = [
  '',
  '0001',
  '20261127-00',
  '张三丰',
  '最低生活保障',
  '张三',
  'zs',
  '33030219900101123x',
  '13812345678',
];
const FILTERS: [string, Partial<CaseFilter>][] = [
  ['no filter', {}],
  ['states', { states: ['accepted', 'processing'] as CaseState[] }],
  ['item and dates', { itemId: 'item', createdFromIso: '2026-01-01', createdToIso: '2027-01-01' }],
  ['agent and channel', { agentUserId: 'agent', channel: 'agency' }],
  ['overdue', { overdueOn: '2026-11-27' }],
];
const SORTS: CaseSort[] = [
  { by: 'createdAt', dir: 'desc' },
  { by: 'dueDate', dir: 'asc' },
  { by: 'caseNo', dir: 'desc' },
  { by: 'handedOverAt', dir: 'asc' },
];

describe('fullScans', () => {
  test('flags a scan of a table and lets the FTS index, a subquery and the catalogue pass', () => {
    expect(
      fullScans([
        'SCAN c',
        'SCAN cases USING INDEX cases_org_created',
        'SCAN cases_fts VIRTUAL TABLE INDEX 0:M3',
        'SCAN m',
        'SCAN (subquery-1)',
        'SCAN i',
        'SCAN r',
        'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      ]),
    ).toEqual(['SCAN c', 'SCAN cases USING INDEX cases_org_created', 'SCAN r']);
  });
});

describe('no list or search reads the whole cases table', () => {
  const cases = QUERIES.flatMap((query) =>
    FILTERS.map(
      ([name, extra]) => [query === '' ? '(no query)' : query, name, query, extra] as const,
    ),
  );
  test.for(cases)('search %s with %s', async ([, , query, extra], { probe }) => {
    for (const sort of SORTS) {
      await listCaseRows(probe.db, filter(query, extra), scope, sort, 20, 40);
    }
    await countCases(probe.db, filter(query, extra), scope, 10_000);
    await exportCaseRows(probe.db, filter(query, extra), scope, SORTS[0]!, 50_000);
    for (const plan of await probe.plans()) {
      expect(fullScans(plan.lines), plan.sql).toEqual([]);
      // An automatic index is built by reading the table: the one index a query wanted is gone.
      expect(
        plan.lines.filter((line) => line.includes('AUTOMATIC')),
        plan.sql,
      ).toEqual([]);
      // The plan probe of a search counts candidates in the search index alone.
      if (/\bcases [ck]\b/.test(plan.sql)) {
        expect(plan.lines.join('\n')).toMatch(/SEARCH (c|k) /);
      }
    }
  });

  test('starts a search from its index, not from the cases in scope', async ({ probe }) => {
    await listCaseRows(probe.db, filter('张三丰'), scope, SORTS[0]!, 20, 0);
    await listCaseRows(probe.db, filter('张三'), scope, SORTS[0]!, 20, 0);
    await listCaseRows(probe.db, filter('zs'), scope, SORTS[0]!, 20, 0);
    const plans = await probe.plans();
    // Each search reads its candidates from the search indexes, then the page by rowid.
    const [fts, bigram, initials] = plans.filter((plan) => plan.sql.startsWith('SELECT rid'));
    const pages = plans.filter((plan) => plan.sql.startsWith('SELECT c.id'));
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page.lines).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    }
    expect(fts!.lines).toContain('SCAN cases_fts VIRTUAL TABLE INDEX 0:M3');
    expect(bigram!.lines).toContain('SEARCH b USING PRIMARY KEY (bigram=?)');
    expect(bigram!.lines).toContain('SEARCH k USING COVERING INDEX cases_resident (resident_id=?)');
    expect(initials!.lines).toEqual([
      'SEARCH k USING INDEX cases_live_initials (applicant_initials>? AND applicant_initials<?)',
    ]);
  });

  test('walks each unit of the scope in sort order, so that only the page is merged and sorted', async ({
    probe,
  }) => {
    const plain = filter('');
    await listCaseRows(probe.db, plain, scope, SORTS[0]!, 20, 0);
    await probe.db.executeQuery(
      listQuery(filter('生活'), scope, SORTS[0]!, 20, 0, { kind: 'many' }, EVERY_INDEX).compile(
        probe.db,
      ),
    );
    for (const plan of await probe.plans()) {
      expect(
        plan.lines.filter((line) =>
          line.startsWith('SEARCH c USING INDEX cases_live_org_created (org_unit_id=?)'),
        ).length,
      ).toBeGreaterThanOrEqual(scope.orgIds.length);
      // Two sorts: the merge of the walks' (rowid, key) pairs, then the page's own rows. A walk
      // that sorted would read its whole unit.
      expect(plan.lines.filter((line) => line === 'USE TEMP B-TREE FOR ORDER BY')).toHaveLength(2);
    }
  });

  test('finds hand-offs owned outside the tree with a seek per owner, not a read of the cases', async ({
    probe,
  }) => {
    await findForeignOwners(probe.db, scope.orgIds);
    const [plan] = await probe.plans();
    expect(fullScans(plan!.lines)).toEqual([]);
    expect(plan!.lines.filter((line) => line.includes(' k '))).toEqual([
      expect.stringMatching(
        /^SEARCH k USING COVERING INDEX cases_agency_owner \(agency_org_id=\?\)$/,
      ),
      expect.stringMatching(
        /^SEARCH k USING COVERING INDEX cases_agency_owner \(agency_org_id=\? AND org_unit_id>\?\)$/,
      ),
    ]);
  });

  test.for([
    ['createdAt', 'cases_live_org_created'],
    ['dueDate', 'cases_live_org_due'],
    ['caseNo', 'cases_live_org_case_no'],
    ['handedOverAt', 'cases_live_org_handed_over'],
  ] as const)(
    'walks a plain list sorted by %s in the order of %s',
    async ([by, index], { probe }) => {
      await listCaseRows(probe.db, filter(''), scope, { by, dir: 'desc' }, 20, 0);
      await listCaseRows(
        probe.db,
        filter('', { states: ['completed'] }),
        scope,
        { by, dir: 'asc' },
        20,
        0,
      );
      const [plain, closed] = await probe.plans();
      expect(plain!.lines).toContainEqual(
        expect.stringMatching(new RegExp(`^SEARCH c USING INDEX ${index} \\(org_unit_id=\\?`)),
      );
      // A closed state in order of intake is a walk of its own entries, which read no rows.
      const closedIndex = by === 'createdAt' ? 'cases_live_org_state_created' : index;
      expect(closed!.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^SEARCH c USING INDEX ${closedIndex} \\(org_unit_id=\\?`),
        ),
      );
    },
  );

  test('walks one item’s cases in order of intake on cases_org_item, sorting only the page', async ({
    probe,
  }) => {
    await listCaseRows(probe.db, filter('', { itemId: 'item' }), scope, SORTS[0]!, 20, 0);
    const [plan] = await probe.plans();
    expect(
      plan!.lines.filter((line) =>
        line.startsWith('SEARCH c USING INDEX cases_org_item (org_unit_id=? AND item_id=?)'),
      ).length,
    ).toBeGreaterThanOrEqual(scope.orgIds.length);
    expect(plan!.lines.filter((line) => line === 'USE TEMP B-TREE FOR ORDER BY')).toHaveLength(2);
  });

  test('finds open cases through the state index rather than walking years of closed ones', async ({
    probe,
  }) => {
    const open = filter('', { states: ['awaiting_receipt'] });
    await listCaseRows(probe.db, open, scope, { by: 'createdAt', dir: 'desc' }, 20, 0);
    const [plan] = await probe.plans();
    expect(plan!.lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH c USING INDEX cases_live_org_state_created \(org_unit_id=\? AND state=\?\)/,
      ),
    );
  });

  test('seeks 只看超期 by state for both limits, never reading a unit’s every case', async ({
    probe,
  }) => {
    const overdue = filter('', { overdueOn: '2026-11-27' });
    await listCaseRows(probe.db, overdue, scope, SORTS[0]!, 20, 0);
    await countCases(probe.db, overdue, scope, 10_000);
    const lines = (await probe.plans()).flatMap((plan) => plan.lines);
    const unitReads = lines.filter((line) => /^SEARCH c USING .*\(org_unit_id=\?/.test(line));
    // Each unit twice in the page and twice in the count: the promised date and the hand-off.
    expect(unitReads.length).toBeGreaterThanOrEqual(scope.orgIds.length * 4);
    for (const line of unitReads) expect(line).toMatch(/\(org_unit_id=\? AND state=\?/);
    expect(lines).toContain(
      'SEARCH c USING INDEX cases_live_org_state_due (org_unit_id=? AND state=? AND due_date<?)',
    );
  });

  test.for([
    ['one open state', ['pending_supplement']],
    ['two open states', ['accepted', 'processing']],
  ] as const)(
    'walks %s in order of intake through its index, sorting only the merged page',
    async ([, states], { probe }) => {
      const open = filter('', { states: [...states] });
      await listCaseRows(probe.db, open, scope, { by: 'createdAt', dir: 'desc' }, 20, 0);
      const [plan] = await probe.plans();
      const walks = plan!.lines.filter((line) =>
        line.startsWith(
          'SEARCH c USING INDEX cases_live_org_state_created (org_unit_id=? AND state=?)',
        ),
      );
      expect(walks.length).toBeGreaterThanOrEqual(scope.orgIds.length * states.length);
      // Two sorts: the merge of the walks' (rowid, key) pairs, then the page's own rows. A walk
      // that sorted would read its whole state.
      expect(plan!.lines.filter((line) => line === 'USE TEMP B-TREE FOR ORDER BY')).toHaveLength(2);
      expect(plan!.lines.at(-1)).toBe('USE TEMP B-TREE FOR ORDER BY');
    },
  );

  test('tests a walked case for initials on the case itself, never reading residents', async ({
    probe,
  }) => {
    await probe.db.executeQuery(
      listQuery(
        filter('zs'),
        scope,
        { by: 'createdAt', dir: 'desc' },
        20,
        0,
        {
          kind: 'many',
        },
        EVERY_INDEX,
      ).compile(probe.db),
    );
    await pageAcrossUnits(probe.db, filter('zs'), scope, { by: 'createdAt', dir: 'desc' }, 20);
    for (const plan of await probe.plans()) {
      expect(plan.lines.filter((line) => / r\b/.test(line))).toEqual([]);
      expect(plan.sql).toContain('c.applicant_initials >= ?');
    }
  });

  test('walks across units on the intake index, in its order, only as far as its budget', async ({
    probe,
  }) => {
    await pageAcrossUnits(probe.db, filter('生活'), scope, { by: 'createdAt', dir: 'desc' }, 20);
    const [plan] = await probe.plans();
    expect(plan!.lines).toContain('SCAN c USING INDEX cases_live_created');
    // Ties of the same instant are sorted by rowid as they come; nothing sorts the whole walk.
    expect(plan!.lines).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(plan!.sql).toMatch(
      /ORDER BY c\.created_at DESC, c\.rowid DESC\s+LIMIT \?\) WHERE hit LIMIT \?$/,
    );
  });

  test('reads a resident’s cases through their index', async ({ probe }) => {
    await residentCaseRows(probe.db, 'resident', scope);
    const [plan] = await probe.plans();
    expect(fullScans(plan!.lines)).toEqual([]);
    expect(plan!.lines[0]).toBe('SEARCH c USING INDEX cases_resident (resident_id=?)');
  });
});

describe('the 工作台 lists read only what they show', () => {
  const owners: worklists.WorklistOwner[] = [
    { kind: 'unit', orgIds: scope.orgIds },
    { kind: 'mine', orgIds: scope.orgIds, userId: 'clerk' },
    { kind: 'agent', userId: 'agent' },
  ];
  test.for(owners)('for $kind', async (owner, { probe }) => {
    await worklists.dueBetween(probe.db, owner, { on: '2026-11-27' });
    await worklists.dueBetween(probe.db, owner, { after: '2026-11-27', through: '2026-11-30' });
    await worklists.dueBetween(probe.db, owner, { before: '2026-11-27' });
    await worklists.pendingSupplement(probe.db, owner);
    await worklists.readyToHandOut(probe.db, owner);
    const plans = await probe.plans();
    for (const plan of plans) expect(fullScans(plan.lines), plan.sql).toEqual([]);
    const handOut = plans[4]!.lines.join('\n');
    if (owner.kind !== 'agent') expect(handOut).toContain('cases_to_hand_out');
  });

  test('for hand-offs and follow-ups', async ({ probe }) => {
    await worklists.awaitingReceiptInScope(probe.db, scope);
    await worklists.awaitingReceiptOfAgent(probe.db, 'agent');
    await worklists.agencyDrafts(probe.db, 'agent');
    await worklists.lateDrafts(probe.db, scope.orgIds, '2026-11-27');
    await worklists.openFollowups(probe.db, scope.orgIds);
    for (const plan of await probe.plans()) expect(fullScans(plan.lines), plan.sql).toEqual([]);
  });
});
