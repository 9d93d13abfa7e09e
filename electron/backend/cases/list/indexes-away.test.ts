import { sql, type Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { Database } from '../../db/schema';
import { caseListFileTest, caseScope, SCENE_TIMEOUT_MS } from '../../testing/cases';
import { FILE } from '../../testing/fixtures';
import { readyToHandOut } from '../dashboard/worklist-sql';
import { classifyCaseSearch } from '../search/case-search';
import type { CaseFilter } from './filter-sql';
import { countCases, exportCaseRows, listCaseRows } from './repository';
import type { CaseScope } from './scope-sql';
import type { CaseSort } from './walk-sql';

/*
 * A new terminal's first sync drops the cases' secondary indexes for its length
 * (hub/pull/deferred-indexes.ts), while the counter goes on listing cases: the lists that name an
 * index must give what they give with it, by another plan.
 */

const test = caseListFileTest
  .extend('clerkScope', FILE, ({ db, township: s }) => caseScope(db, s.township, s.clerk.userId))
  .extend('agentScope', FILE, ({ db, township: s }) => caseScope(db, s.village, s.agent.userId));

const QUERIES = ['', '张三', '救助', '生活', 'zs', 'ls', '0001', '330302199001011234'];
const SORTS: CaseSort[] = [
  { by: 'createdAt', dir: 'desc' },
  { by: 'createdAt', dir: 'asc' },
  { by: 'dueDate', dir: 'asc' },
  { by: 'caseNo', dir: 'desc' },
  { by: 'handedOverAt', dir: 'desc' },
];
const STATES: CaseState[][] = [[], ['completed'], ['accepted', 'processing']];

/** Every page, count, export and worklist that the lists read, as ids and numbers. */
async function everyList(db: Kysely<Database>, scopes: CaseScope[]): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const scope of scopes) {
    for (const query of QUERIES) {
      for (const states of STATES) {
        const filters: CaseFilter[] = [
          { search: classifyCaseSearch(query), states },
          { search: classifyCaseSearch(query), states, overdueOn: '2026-12-31' },
        ];
        for (const filter of filters) {
          for (const sort of SORTS) {
            for (const offset of [0, 2]) {
              const rows = await listCaseRows(db, filter, scope, sort, 3, offset);
              seen.push(rows.map((row) => row.id));
            }
          }
          seen.push(await countCases(db, filter, scope, 1000));
          const exported = await exportCaseRows(db, filter, scope, SORTS[0]!, 50);
          seen.push(exported.map((row) => row.id));
        }
      }
    }
    const owner = { kind: 'unit', orgIds: scope.orgIds } as const;
    seen.push((await readyToHandOut(db, owner)).map((row) => row.id));
  }
  return seen;
}

describe(
  'the case lists while a first sync has the indexes away',
  { timeout: SCENE_TIMEOUT_MS },
  () => {
    test('give the same rows in the same order as with them', async ({
      db,
      clerkScope,
      agentScope,
    }) => {
      const scopes = [clerkScope, agentScope];
      const withIndexes = await everyList(db, scopes);
      expect(withIndexes.flat(2).length, 'the comparison needs rows').toBeGreaterThan(100);

      // What hub/pull/deferred-indexes.ts drops: every secondary index that is no constraint
      // (cases_resident stays there, as the pull reads it; dropping it here asks more of the lists).
      const dropped = await sql<{ name: string }>`SELECT name FROM pragma_index_list('cases')
      WHERE origin = 'c' AND "unique" = 0`.execute(db);
      expect(dropped.rows.length).toBeGreaterThan(10);
      for (const { name } of dropped.rows) await sql`DROP INDEX ${sql.id(name)}`.execute(db);

      expect(await everyList(db, scopes)).toEqual(withIndexes);
    });
  },
);
