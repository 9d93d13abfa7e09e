import { describe, expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listQuery } from '../list/repository';
import type { CaseScope } from '../list/scope-sql';
import { findCandidates, type Candidates } from './match-sql';
import { addCase } from '../../testing/case-rows';
import { addUser } from '../../testing/case-scenario';
import {
  caseListFileTest,
  caseScope,
  type CaseListScene,
  SCENE_TIMEOUT_MS,
} from '../../testing/cases';
import { FILE } from '../../testing/fixtures';
import type { Harness } from '../../testing/harness';
import { classifyCaseSearch } from './case-search';
import { EVERY_INDEX } from '../../db/named-indexes';

/** A colleague's case as the real hand-over leaves it: owned by the township, filed by the village. */
async function colleaguesHandOver(h: Harness, s: CaseListScene): Promise<string> {
  const colleague = await addUser(h, s.admin, {
    username: 'agent2',
    displayName: '蝉街代办员二',
    role: 'agent',
    orgUnitId: s.village,
  });
  return addCase(h.backend.runtime.db, {
    caseNo: '330302001001-02-20261126-0001',
    orgUnitId: s.township,
    item: s.items.jiuzhu,
    resident: s.residents.li,
    state: 'awaiting_receipt',
    createdAt: '2026-11-26T04:00:00.000Z',
    createdBy: colleague.userId,
    channel: 'agency',
    agentUserId: colleague.userId,
    agencyOrgId: s.village,
    handoffDueDate: '2026-12-01',
    handedOverAt: '2026-11-26T06:00:00.000Z',
    history: ['agency_draft'],
  });
}

const test = caseListFileTest
  .extend('handedOver', FILE, ({ harness, township }) => colleaguesHandOver(harness, township))
  // The scope's foreign owners are read after the hand-over made the township one.
  .extend('agentScope', FILE, ({ db, township: s, handedOver: _handedOver }) =>
    caseScope(db, s.village, s.agent.userId),
  );

async function pageIds(
  db: Kysely<Database>,
  scope: CaseScope,
  query: string,
  candidates: Candidates,
): Promise<string[]> {
  const filter = { search: classifyCaseSearch(query), states: [] };
  const sort = { by: 'createdAt', dir: 'desc' } as const;
  const rows = await listQuery(filter, scope, sort, 20, 0, candidates, EVERY_INDEX).execute(db);
  return rows.rows.map((row) => row.id);
}

describe("a village agent's search", { timeout: SCENE_TIMEOUT_MS }, () => {
  test.for(['救助', '临时救助'])(
    "finds a colleague's case handed over to the township by its item: %s",
    async (query, { db, handedOver, agentScope }) => {
      const candidates = await findCandidates(db, classifyCaseSearch(query), agentScope);
      expect(candidates.kind).toBe('few');
      expect(await pageIds(db, agentScope, query, candidates)).toContain(handedOver);
      expect(await pageIds(db, agentScope, query, { kind: 'many' })).toContain(handedOver);
    },
  );
});
