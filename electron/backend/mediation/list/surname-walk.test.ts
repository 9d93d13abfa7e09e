import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProbe, type PlanProbe } from '../../testing/plan-probe';
import type { DisputePartiesTable } from '../../db/schema';
import {
  disputeRow,
  insertWalkDispute,
  insertWalkUnits,
  syncColumns,
} from '../../testing/mediation-walk-scene';
import { listDisputes, sortedMatches } from './disputes-repository';
import type { DisputeFilters, DisputeSort } from './filters';
import {
  pageBySurnameWalk,
  surnameCountQuery,
  surnameIsCommon,
  surnameWalkQuery,
} from './surname-walk';
import { EVERY_INDEX } from '../../db/named-indexes';

let probe: PlanProbe;

const STATES = ['closed', 'mediating', 'accepted', 'closed', 'rejected', 'succeeded'];
const SURNAMES = ['陈', '王', '陈', '张', '王', '陈', '李'];

/**
 * 150 disputes over a township T, its villages V1 and V2, and a unit C outside the scope, registered
 * on dates with many ties; one to three parties each, named by surname so that 陈 and 王 are common
 * and 李 rare, some parties and one dispute deleted, and cases V1 passed up to C and reads.
 */
beforeAll(async () => {
  probe = await planProbe();
  const db = probe.db;
  await insertWalkUnits(db);
  const owners = ['T', 'V1', 'T', 'V2', 'C', 'T', 'V1'];
  for (let i = 0; i < 150; i++) {
    const owner = owners[i % owners.length]!;
    const registered = `2026-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 4)).padStart(2, '0')}`;
    const row = disputeRow(syncColumns(`d${String(i).padStart(3, '0')}`, owner, i === 12), {
      case_no: `（2026）永人调字第${i + 1}号`,
      registered_org_id: owner === 'C' && i % 3 === 1 ? 'V1' : owner,
      case_year: 2026,
      case_seq: i + 1,
      state: STATES[i % STATES.length]!,
      type: i % 2 === 0 ? 'neighbour' : 'contract',
      risk_level: i % 5 === 0 ? 'serious' : 'general',
      party_names: '',
      registered_on: registered,
      due_date: `2026-12-${String(1 + (i % 7)).padStart(2, '0')}`,
    });
    await insertWalkDispute(db, row, `r${i}`);
    for (let position = 0; position <= i % 3; position++) {
      const surname = SURNAMES[(i * 3 + position * 5) % SURNAMES.length]!;
      const party: DisputePartiesTable = {
        ...syncColumns(`p${i}-${position}`, owner, (i + position) % 11 === 0),
        dispute_id: row.id,
        position,
        role: position === 0 ? 'applicant' : 'respondent',
        kind: 'person',
        resident_id: null,
        name: `${surname}${'明华'.slice(position % 2)}`,
        gender: null,
        ethnicity: null,
        birth_date: null,
        age: null,
        occupation: null,
        phone: null,
        address: null,
        id_type: null,
        id_number: null,
        credit_code: null,
        representative: null,
        agent_name: null,
        agent_phone: null,
        attorney_date: null,
        notice_acknowledged_on: null,
        notice_method: null,
      };
      await db.insertInto('dispute_parties').values(party).execute();
    }
  }
  await probe.plans();
});
afterAll(async () => {
  await probe.close();
});

function filters(query: string, patch: Partial<DisputeFilters> = {}): DisputeFilters {
  return {
    scope: ['T', 'V1', 'V2'],
    access: 'all',
    query,
    types: [],
    states: [],
    riskLevels: [],
    ...patch,
  };
}

const SORTS: DisputeSort[] = [
  { sortBy: 'registeredOn', sortDir: 'desc' },
  { sortBy: 'registeredOn', sortDir: 'asc' },
];
const SCOPES: [string, Partial<DisputeFilters>][] = [
  ['township and villages', {}],
  ['owned only', { access: 'owner' }],
  ['read only', { access: 'reader' }],
  ['one village', { scope: ['V1'] }],
  ['open states, a type', { states: ['mediating', 'accepted'], types: ['neighbour'] }],
  ['dates, a risk', { from: '2026-03-01', to: '2026-07-31', riskLevels: ['general'] }],
  ['overdue', { deadline: { status: 'overdue', today: '2026-12-04', soonUntil: '2026-12-09' } }],
];

describe('the surname walk', () => {
  it.each(SCOPES)('pages like the sorted matches: %s', async (_label, patch) => {
    let walkedPages = 0;
    for (const query of ['陈', '王', '张', '李', '赵']) {
      const f = filters(query, patch);
      for (const sort of SORTS) {
        for (const [limit, offset] of [
          [20, 0],
          [7, 7],
          [5, 15],
          [2, 2],
        ] as const) {
          const sorted = await sortedMatches(probe.db, f, sort, limit, offset);
          const walked = await pageBySurnameWalk(probe.db, f, sort, offset + limit);
          // The walk gives a page up only when the matches end before it.
          if (walked === null) {
            expect(sorted.length, `${query} ${sort.sortDir} ${offset}`).toBeLessThan(limit);
            continue;
          }
          walkedPages++;
          expect(walked.slice(offset), `${query} ${sort.sortDir} ${offset}`).toEqual(sorted);
          const listed = await listDisputes(probe.db, f, sort, limit, offset);
          expect(listed.rows.map((row) => row.id)).toEqual(sorted);
        }
      }
    }
    expect(walkedPages, 'the comparison needs walked pages').toBeGreaterThan(0);
  });

  it.each(SCOPES)('counts like the sorted matches, to the cap: %s', async (_label, patch) => {
    for (const query of ['陈', '王', '李', '赵']) {
      const f = filters(query, patch);
      const all = await sortedMatches(probe.db, f, SORTS[0]!, 1000, 0);
      for (const cap of [1000, 5]) {
        const counted = await surnameCountQuery(f, cap).execute(probe.db);
        expect(counted.rows[0]!.total, `${query} ${cap}`).toBe(Math.min(all.length, cap + 1));
      }
    }
  });

  it('walks only when the parties of the surname pass the threshold', async () => {
    expect(await surnameIsCommon(probe.db, '陈', 20)).toBe(true);
    expect(await surnameIsCommon(probe.db, '李', 50)).toBe(false);
    expect(await surnameIsCommon(probe.db, '赵', 0)).toBe(false);
  });

  it('reads disputes in the order of the registration index and stops at the page', async () => {
    await probe.plans();
    for (const sort of SORTS) {
      await probe.db.executeQuery(
        surnameWalkQuery(filters('陈'), sort, 20, EVERY_INDEX).compile(probe.db),
      );
    }
    for (const plan of await probe.plans()) {
      expect(plan.lines).toContain('SCAN d USING INDEX disputes_live_registered');
      expect(plan.lines.filter((line) => line.includes('TEMP B-TREE'))).toEqual([]);
      // The parties of one dispute at a time, not every party of the surname.
      expect(plan.lines).toContain('SEARCH p USING INDEX dispute_parties_dispute (dispute_id=?)');
      expect(plan.lines.filter((line) => line.includes('dispute_parties_name'))).toEqual([]);
    }
  });

  it('counts from the parties of the surname, each dispute looked up once', async () => {
    await probe.plans();
    await probe.db.executeQuery(surnameCountQuery(filters('陈'), 1000).compile(probe.db));
    const [plan] = await probe.plans();
    const reads = plan!.lines.filter((line) => /^(SEARCH|SCAN) (p|d)\b/.test(line));
    expect(reads).toEqual([
      'SEARCH p USING INDEX dispute_parties_name (name>? AND name<?)',
      'SEARCH d USING INDEX sqlite_autoindex_disputes_1 (id=?)',
    ]);
    expect(plan!.lines).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });
});
