import { describe, expect } from 'vitest';
import { orgScope } from '../../org/repository';
import type { Harness } from '../../testing/harness';
import { listQuery } from '../list/repository';
import { findForeignOwners, type CaseScope } from '../list/scope-sql';
import { findCandidates, type Candidates } from './match-sql';
import { addCase } from '../../testing/case-rows';
import { addUser } from '../../testing/case-scenario';
import { caseListFileTest as test } from '../../testing/cases';
import { classifyCaseSearch } from './case-search';

let h: Harness;
let handedOver: string;
let agentScope: CaseScope;

/** A colleague's case as the real hand-over leaves it: owned by the township, filed by the village. */
test.beforeAll(async ({ harness, township }) => {
  h = harness;
  const s = township;
  const db = h.backend.runtime.db;
  const colleague = await addUser(h, s.admin, {
    username: 'agent2',
    displayName: '蝉街代办员二',
    role: 'agent',
    orgUnitId: s.village,
  });
  handedOver = await addCase(db, {
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
  const orgIds = await orgScope(db, s.village);
  agentScope = {
    orgIds,
    userId: s.agent.userId,
    foreignOwners: await findForeignOwners(db, orgIds),
  };
}, 60_000);

async function pageIds(query: string, candidates: Candidates): Promise<string[]> {
  const filter = { search: classifyCaseSearch(query), states: [] };
  const sort = { by: 'createdAt', dir: 'desc' } as const;
  const rows = await listQuery(filter, agentScope, sort, 20, 0, candidates).execute(
    h.backend.runtime.db,
  );
  return rows.rows.map((row) => row.id);
}

describe("a village agent's search", () => {
  test.each(['救助', '临时救助'])(
    "finds a colleague's case handed over to the township by its item: %s",
    async (query) => {
      const db = h.backend.runtime.db;
      const candidates = await findCandidates(db, classifyCaseSearch(query), agentScope);
      expect(candidates.kind).toBe('few');
      expect(await pageIds(query, candidates)).toContain(handedOver);
      expect(await pageIds(query, { kind: 'many' })).toContain(handedOver);
    },
  );
});
