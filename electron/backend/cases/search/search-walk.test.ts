import { describe, expect } from 'vitest';
import { LIST_TOTAL_CAP, SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CaseFilter } from '../list/filter-sql';
import { countCases, listQuery, pageAcrossUnits } from '../list/repository';
import type { CaseScope } from '../list/scope-sql';
import type { CaseSort } from '../list/walk-sql';
import { findCandidates, type Candidates } from './match-sql';
import { totalCapOf } from '../list/service';
import { addCase, addResident } from '../../testing/case-rows';
import { caseListFileTest, caseScope, SCENE_TIMEOUT_MS } from '../../testing/cases';
import { FILE } from '../../testing/fixtures';
import { classifyCaseSearch } from './case-search';
import { EVERY_INDEX } from '../../db/named-indexes';

const test = caseListFileTest
  .extend('clerkScope', FILE, ({ db, township: s }) => caseScope(db, s.township, s.clerk.userId))
  .extend('agentScope', FILE, ({ db, township: s }) => caseScope(db, s.village, s.agent.userId));

async function ids(
  db: Kysely<Database>,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  plan: 'candidates' | 'walk',
  offset: number,
): Promise<string[]> {
  const candidates = await candidatesFor(db, filter, scope, plan);
  return pageIds(db, filter, scope, sort, offset, candidates);
}

/** The page through the walk across units, or null where that walk gives the page up. */
async function idsAcrossUnits(
  db: Kysely<Database>,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  offset: number,
): Promise<string[] | null> {
  const page = await pageAcrossUnits(db, filter, scope, sort, offset + 3);
  return page ? pageIds(db, filter, scope, sort, offset, page) : null;
}

/** The ids of the page of three at `offset` read from `candidates`. */
async function pageIds(
  db: Kysely<Database>,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  offset: number,
  candidates: Candidates,
): Promise<string[]> {
  const query = listQuery(filter, scope, sort, 3, offset, candidates, EVERY_INDEX);
  return (await query.execute(db)).rows.map((row) => row.id);
}

/** The walk, or every candidate sorted whole (no threshold can send it to the walk). */
async function candidatesFor(
  db: Kysely<Database>,
  filter: CaseFilter,
  scope: CaseScope,
  plan: 'candidates' | 'walk',
): Promise<Candidates> {
  if (plan === 'walk') return { kind: 'many' };
  return findCandidates(db, filter.search, scope, Number.MAX_SAFE_INTEGER);
}

const QUERIES = [
  '张三丰', // 3+ characters: an applicant
  '最低生活保障', // 3+ characters: an item
  '张三', // 2 characters: an applicant
  '救助', // 2 characters: an item
  '生活',
  'zs', // initials
  'ls',
  '0001', // parts of case numbers, with and without dashes
  '20261126-0002',
  '330302001001',
  '330302199001011234', // an applicant's whole ID number
];
const SORTS: CaseSort[] = [
  { by: 'createdAt', dir: 'desc' },
  { by: 'createdAt', dir: 'asc' },
  { by: 'dueDate', dir: 'asc' },
  { by: 'dueDate', dir: 'desc' },
  { by: 'caseNo', dir: 'desc' },
];
const STATES: CaseState[][] = [[], ['completed'], ['accepted', 'processing']];

/** What the walk across units did over the queries above: proof that both branches ran. */
const acrossOutcomes = new Set<'read' | 'left'>();

describe('a search page read by walking the list', { timeout: SCENE_TIMEOUT_MS }, () => {
  test.for(QUERIES)(
    'finds what the candidates find, in the same order: %s',
    async (query, { db, clerkScope, agentScope }) => {
      const matched = new Set<string>();
      for (const scope of [clerkScope, agentScope]) {
        for (const sort of SORTS) {
          for (const states of STATES) {
            const filter = { search: classifyCaseSearch(query), states };
            for (const offset of [0, 2]) {
              const byCandidates = await ids(db, filter, scope, sort, 'candidates', offset);
              expect(await ids(db, filter, scope, sort, 'walk', offset)).toEqual(byCandidates);
              byCandidates.forEach((id) => matched.add(id));
            }
          }
        }
      }
      // Each query finds something, or the comparison would prove nothing.
      expect(matched.size).toBeGreaterThan(0);
    },
  );

  test.for(QUERIES)(
    'finds the same page walking across units, or leaves it to the unit walks: %s',
    async (query, { db, clerkScope, agentScope }) => {
      for (const scope of [clerkScope, agentScope]) {
        for (const dir of ['desc', 'asc'] as const) {
          const sort: CaseSort = { by: 'createdAt', dir };
          for (const states of STATES) {
            const filter = { search: classifyCaseSearch(query), states };
            for (const offset of [0, 2]) {
              const across = await idsAcrossUnits(db, filter, scope, sort, offset);
              acrossOutcomes.add(across ? 'read' : 'left');
              if (across)
                expect(across).toEqual(await ids(db, filter, scope, sort, 'candidates', offset));
            }
          }
        }
      }
    },
  );

  test('reads full pages across units and leaves those the matches cannot fill', () => {
    expect(acrossOutcomes).toEqual(new Set(['read', 'left']));
  });

  test('walks across units only in order of intake: the other orders have no index across units', async ({
    db,
    clerkScope,
  }) => {
    const filter = { search: classifyCaseSearch('救助'), states: [] };
    expect(
      await pageAcrossUnits(db, filter, clerkScope, { by: 'createdAt', dir: 'desc' }, 1),
    ).not.toBeNull();
    for (const by of ['dueDate', 'caseNo'] as const) {
      expect(await pageAcrossUnits(db, filter, clerkScope, { by, dir: 'desc' }, 1)).toBeNull();
    }
  });

  test('is chosen when the search indexes hold more candidates than the threshold', async ({
    db,
    clerkScope,
  }) => {
    const search = classifyCaseSearch('救助');
    const kind = async (threshold?: number) =>
      (await findCandidates(db, search, clerkScope, threshold)).kind;
    expect(await kind()).toBe('few');
    expect(await kind(3)).toBe('few');
    expect(await kind(2)).toBe('many');
  });
});

describe('the capped count', { timeout: SCENE_TIMEOUT_MS }, () => {
  const all = { search: classifyCaseSearch(''), states: [] };

  test('is exact up to the cap and a lower bound past it', async ({ db, clerkScope }) => {
    expect(await countCases(db, all, clerkScope, null)).toEqual({ total: 8, isLowerBound: false });
    expect(await countCases(db, all, clerkScope, 8)).toEqual({ total: 8, isLowerBound: false });
    expect(await countCases(db, all, clerkScope, 7)).toEqual({ total: 7, isLowerBound: true });
    expect(await countCases(db, all, clerkScope, 3)).toEqual({ total: 3, isLowerBound: true });
  });

  test('stops sooner for a search than for the plain list', () => {
    expect(SEARCH_TOTAL_CAP).toBeLessThan(LIST_TOTAL_CAP);
    expect(totalCapOf(all)).toBe(LIST_TOTAL_CAP);
    for (const query of ['张三', '张三丰', 'zs', '0001']) {
      expect(totalCapOf({ search: classifyCaseSearch(query), states: [] })).toBe(SEARCH_TOTAL_CAP);
    }
  });

  test('tells the list the total is a lower bound', async ({ harness: h, township: s }) => {
    const page = await h.ok('cases.list', { pageSize: 2 }, s.clerk.token);
    expect(page).toMatchObject({ total: 8, totalIsLowerBound: false });
  });
  // Last: it adds a case. 王救助's case of 临时救助申请 matches 救助 by applicant and by item.
  test('counts a case matched by two indexes once', async ({ township: s, db, clerkScope }) => {
    const resident = { id: '', name: '王救助' };
    resident.id = await addResident(db, s.township, {
      name: resident.name,
      docNumber: '330302199203034567',
    });
    const both = await addCase(db, {
      caseNo: '330302001-01-20261127-0001',
      orgUnitId: s.township,
      item: s.items.jiuzhu,
      resident,
      state: 'accepted',
      createdAt: '2026-11-27T01:00:00.000Z',
    });
    const jiuzhu = { search: classifyCaseSearch('救助'), states: [] };
    expect(await countCases(db, jiuzhu, clerkScope, null)).toEqual({
      total: 4,
      isLowerBound: false,
    });
    expect(await countCases(db, jiuzhu, clerkScope, 3)).toEqual({ total: 3, isLowerBound: true });
    const found = await candidatesFor(db, jiuzhu, clerkScope, 'candidates');
    const page = await listQuery(jiuzhu, clerkScope, SORTS[0]!, 20, 0, found, EVERY_INDEX).execute(
      db,
    );
    expect(page.rows.map((row) => row.id)).toEqual([both, s.ids.G, s.ids.B, s.ids.E]);
  });
});
