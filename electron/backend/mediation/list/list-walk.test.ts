import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProbe, type PlanProbe } from '../../testing/plan-probe';
import {
  disputeRow,
  insertWalkDispute,
  insertWalkUnits,
  syncColumns,
} from '../../testing/mediation-walk-scene';
import { filterTerms, type DisputeFilters, type DisputeSort } from './filters';
import { seekFrom, type SortPosition } from '../../core/page-cursor';
import { disputeOrder, walkCountQuery, walkPageQuery, type DisputePageRow } from './list-walk';
import { EVERY_INDEX, executeNaming } from '../../db/named-indexes';

let probe: PlanProbe;

const STATES = ['closed', 'closed', 'mediating', 'accepted', 'closed', 'rejected', 'succeeded'];

/**
 * 60 disputes over a township T, its villages V1 and V2, and a unit C outside the scope: dates with
 * ties, due dates with gaps, several case years, a tombstone, and cases V1 passed up to C and reads.
 */
beforeAll(async () => {
  probe = await planProbe();
  const db = probe.db;
  await insertWalkUnits(db);
  const owners = ['T', 'T', 'V1', 'V2', 'T', 'C'];
  for (let i = 0; i < 60; i++) {
    const owner = owners[i % owners.length]!;
    const registered = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}`;
    const row = disputeRow(syncColumns(`d${String(i).padStart(2, '0')}`, owner, i === 7), {
      case_no: `（${2024 + (i % 3)}）永人调字第${i + 1}号`,
      registered_org_id: owner === 'C' && i % 4 === 1 ? 'V1' : owner,
      case_year: 2024 + (i % 3),
      case_seq: 60 - i,
      state: STATES[i % STATES.length]!,
      type: i % 2 === 0 ? 'neighbour' : 'contract',
      risk_level: i % 5 === 0 ? 'serious' : 'general',
      party_names: '张三、李四',
      registered_on: registered,
      due_date: i % 4 === 0 ? null : `2026-12-${String(1 + (i % 7)).padStart(2, '0')}`,
    });
    await insertWalkDispute(db, row, `r${i}`);
  }
  await probe.plans();
});
afterAll(async () => {
  await probe.close();
});

function filters(patch: Partial<DisputeFilters> = {}): DisputeFilters {
  return {
    scope: ['T', 'V1', 'V2'],
    access: 'all',
    query: '',
    types: [],
    states: [],
    riskLevels: [],
    ...patch,
  };
}

/** The list as one plain query over every dispute: what the walks must reproduce. */
async function reference(f: DisputeFilters, sort: DisputeSort, limit: number, offset: number) {
  const scope = sql.join(f.scope.map((id) => sql`${id}`));
  const owned = sql`d.org_unit_id IN (${scope})`;
  const read = sql`d.id IN (SELECT dispute_id FROM dispute_readers WHERE reader_org_id IN (${scope}))`;
  const access =
    f.access === 'owner'
      ? owned
      : f.access === 'reader'
        ? sql`${read} AND NOT ${owned}`
        : sql`(${owned} OR ${read})`;
  const result = await sql<{ id: string }>`SELECT d.id FROM disputes d
    WHERE ${access} AND ${filterTerms(f)} ORDER BY ${disputeOrder(sort)}
    LIMIT ${limit} OFFSET ${offset}`.execute(probe.db);
  return result.rows.map((row) => row.id);
}

const SORTS: DisputeSort[] = (['registeredOn', 'dueDate', 'caseNo'] as const).flatMap((sortBy) =>
  (['asc', 'desc'] as const).map((sortDir) => ({ sortBy, sortDir })),
);
const FILTERS: [string, Partial<DisputeFilters>][] = [
  ['everything', {}],
  ['owned only', { access: 'owner' }],
  ['read only', { access: 'reader' }],
  ['one village', { scope: ['V1'] }],
  ['open states', { states: ['mediating', 'accepted'] }],
  ['closed, a type, a risk', { states: ['closed'], types: ['neighbour'], riskLevels: ['general'] }],
  ['dates', { from: '2026-03-01', to: '2026-06-30' }],
  ['overdue', { deadline: { status: 'overdue', today: '2026-12-04', soonUntil: '2026-12-09' } }],
  ['due soon', { deadline: { status: 'due_soon', today: '2026-12-02', soonUntil: '2026-12-05' } }],
];

describe('the dispute list walk', () => {
  it.each(FILTERS)('pages like one sorted query: %s', async (_label, patch) => {
    const f = filters(patch);
    for (const sort of SORTS) {
      for (const [limit, offset] of [
        [20, 0],
        [7, 7],
        [5, 30],
      ] as const) {
        const walked = await walkPageQuery(f, sort, limit, offset, EVERY_INDEX).execute(probe.db);
        expect(
          walked.rows.map((row) => row.id),
          `${sort.sortBy} ${sort.sortDir} ${offset}`,
        ).toEqual(await reference(f, sort, limit, offset));
      }
      const all = await reference(f, sort, 1000, 0);
      expect(all.length, 'the comparison needs rows').toBeGreaterThan(0);
      const total = await walkCountQuery(f, 1000).execute(probe.db);
      expect(total.rows[0]!.total).toBe(all.length);
    }
  });

  it('counts the owned disputes of all units in one read of an index alone', async () => {
    await probe.plans();
    await probe.db.executeQuery(walkCountQuery(filters(), 10_000).compile(probe.db));
    const [plan] = await probe.plans();
    const reads = plan!.lines.filter((line) => /^(SEARCH|SCAN) d\b/.test(line));
    // One seek per unit in the same statement, not one statement per unit each counting to the cap.
    const owned = reads.filter((line) => line.includes('org_unit_id=?'));
    expect(owned).toHaveLength(1);
    // A partial index on live rows: SQLite defers the seek to the row and, reading no column
    // of it, never makes it.
    expect(owned[0]).toMatch(/^SEARCH d USING INDEX disputes_live_org_\w+ \(org_unit_id=\?\)$/);
    expect(plan!.sql).toMatch(/UNION ALL SELECT 1 FROM disputes d WHERE d\.id IN/);
  });

  it('counts all parts together to the cap and stops', async () => {
    for (const patch of [{ access: 'owner' as const, scope: ['T'] }, {}]) {
      const total = await walkCountQuery(filters(patch), 5).execute(probe.db);
      expect(total.rows[0]!.total).toBe(6);
    }
  });

  it('looks the disputes read from elsewhere up once per page, by due date too', async () => {
    for (const sort of SORTS) {
      const { sql: text } = walkPageQuery(filters(), sort, 20, 0, EVERY_INDEX).compile(probe.db);
      expect(text.match(/FROM dispute_readers/g), `${sort.sortBy} ${sort.sortDir}`).toHaveLength(1);
    }
  });

  it('reads each unit in the order of its sort index, sorting only the merged pages', async () => {
    await probe.plans();
    for (const sort of SORTS) {
      // The units' own disputes: the cases they read are few, and sorted in their own subquery.
      await probe.db.executeQuery(
        walkPageQuery(filters({ access: 'owner' }), sort, 20, 0, EVERY_INDEX).compile(probe.db),
      );
    }
    const index = {
      registeredOn: 'disputes_live_org_registered',
      dueDate: 'disputes_live_org_due',
      caseNo: 'disputes_live_org_case_no',
    };
    for (const [i, plan] of (await probe.plans()).entries()) {
      const lines = plan.lines;
      expect(lines.filter((line) => /^SCAN d\b/.test(line))).toEqual([]);
      expect(
        lines.filter((line) =>
          line.startsWith(`SEARCH d USING INDEX ${index[SORTS[i]!.sortBy]} (org_unit_id=?`),
        ).length,
      ).toBeGreaterThanOrEqual(3);
      // Two sorts: the merge of the walks' (rowid, key) pairs, then the page's own rows.
      expect(lines.filter((line) => line === 'USE TEMP B-TREE FOR ORDER BY')).toHaveLength(2);
    }
  });
});

function positionOf(row: DisputePageRow): SortPosition {
  return { key: row.k2 === null ? [row.k] : [row.k, row.k2], rowid: row.rid };
}

describe('the dispute list walk from an anchor', () => {
  const PAGE = 5;
  const ANCHORED: [string, Partial<DisputeFilters>][] = [
    ['everything', {}],
    ['owned only', { access: 'owner' }],
    ['open states', { states: ['mediating', 'accepted'] }],
    ['closed', { states: ['closed'] }],
  ];

  it.each(ANCHORED)(
    'gives the offset’s pages forward, back and in jumps: %s',
    async (_label, patch) => {
      const f = filters(patch);
      for (const sort of SORTS) {
        const pages: DisputePageRow[][] = [];
        for (let n = 0; ; n += 1) {
          const rows = (await walkPageQuery(f, sort, PAGE, n * PAGE, EVERY_INDEX).execute(probe.db))
            .rows;
          if (rows.length === 0) break;
          pages.push(rows);
        }
        expect(pages.length, 'the comparison needs pages').toBeGreaterThanOrEqual(3);
        let seeks = 0;
        for (const [index, here] of pages.entries()) {
          const anchor = {
            page: index + 1,
            first: positionOf(here[0]!),
            last: positionOf(here.at(-1)!),
          };
          for (const step of [1, 2, 3, -1, -2, -3]) {
            const to = anchor.page + step;
            if (to < 1) continue;
            const seek = seekFrom(anchor, to, PAGE);
            if (!seek) continue;
            seeks += 1;
            // Offset 0: the page can come only from the anchor.
            const walked = await walkPageQuery(f, sort, PAGE, 0, EVERY_INDEX, seek).execute(
              probe.db,
            );
            expect(
              walked.rows.map((row) => row.id),
              `${sort.sortBy} ${sort.sortDir} ${anchor.page} → ${to}`,
            ).toEqual((pages[to - 1] ?? []).map((row) => row.id));
          }
        }
        expect(seeks).toBeGreaterThan(pages.length);
      }
    },
  );

  it('starts each unit’s walk at the anchor, a range on its sort index', async () => {
    await probe.plans();
    const index = {
      registeredOn: 'disputes_live_org_registered',
      dueDate: 'disputes_live_org_due',
      caseNo: 'disputes_live_org_case_no',
    };
    const keys = { registeredOn: ['2026-05-01'], dueDate: ['2026-12-03'], caseNo: [2025, 30] };
    for (const sort of SORTS) {
      for (const backward of [false, true]) {
        const seek = { from: { key: keys[sort.sortBy], rowid: 30 }, backward, skip: 0 };
        const query = walkPageQuery(filters({ access: 'owner' }), sort, 20, 400, EVERY_INDEX, seek);
        const compiled = query.compile(probe.db);
        await probe.db.executeQuery(compiled);
        // Each walk reads a page, not the 400 rows before it.
        expect(compiled.parameters).not.toContain(420);
        const [plan] = await probe.plans();
        const walks = plan!.lines.filter((line) =>
          line.startsWith(`SEARCH d USING INDEX ${index[sort.sortBy]} `),
        );
        const label = `${sort.sortBy} ${sort.sortDir} ${backward}`;
        // By due date, those without one come after any with one: walked on forward, left out back.
        const keyless = sort.sortBy === 'dueDate' && !backward;
        expect(walks, label).toHaveLength(keyless ? 6 : 3);
        for (const line of walks) {
          expect(line, label).toMatch(
            /\(org_unit_id=\? AND ((\w+>\? AND )?\w+[<>]\?|\(case_year,case_seq\)[<>]\(\?,\?\)|due_date=\?)\)$/,
          );
        }
      }
    }
  });
});

describe('the dispute list walk while a first sync has the indexes away', () => {
  beforeAll(async () => {
    // What hub/pull/deferred-indexes.ts drops: every secondary index that is no constraint.
    const dropped = await sql<{ name: string }>`SELECT name FROM pragma_index_list('disputes')
      WHERE origin = 'c' AND "unique" = 0`.execute(probe.db);
    expect(dropped.rows.length).toBeGreaterThan(4);
    for (const { name } of dropped.rows) await sql`DROP INDEX ${sql.id(name)}`.execute(probe.db);
  });

  it.each(FILTERS)('still pages like one sorted query: %s', async (_label, patch) => {
    const f = filters(patch);
    for (const sort of SORTS) {
      for (const [limit, offset] of [
        [20, 0],
        [5, 30],
      ] as const) {
        const walked = await executeNaming(probe.db, (present) =>
          walkPageQuery(f, sort, limit, offset, present),
        );
        expect(
          walked.rows.map((row) => row.id),
          `${sort.sortBy} ${sort.sortDir} ${offset}`,
        ).toEqual(await reference(f, sort, limit, offset));
      }
    }
  });
});
