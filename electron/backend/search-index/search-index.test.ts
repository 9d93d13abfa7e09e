import { describe, expect } from 'vitest';
import type { Result } from '@shared/api';
import { townshipTest } from '../testing/fixtures';
import { createSignedInUser, type Harness } from '../testing/harness';
import { COMPLETE, counterScene, SETUP_TIMEOUT_MS } from '../testing/township';
import { IDS, neighbourDispute, person } from '../testing/mediation-township';

/**
 * The counter scene of testing/township.ts, with the committee's abbreviation set, a mediator, a
 * case taken in, two residents registered and a dispute between them.
 */
async function searchScene(h: Harness) {
  const scene = await counterScene(h);
  const { admin, clerk } = scene;
  await h.ok(
    'mediation.updateSettings',
    { abbreviation: '东城', riskThresholds: { amountFen: null, people: null } },
    scene.supervisor,
  );
  const township = h.backend.runtime.terminal!.orgUnitId;
  const { token: mediator } = await createSignedInUser(h, admin, {
    username: 'med',
    displayName: '调解员',
    role: 'mediator',
    orgUnitId: township,
  });
  const taken = await h.ok(
    'cases.intake',
    {
      residentId: scene.residentId,
      itemId: scene.itemId,
      outcome: 'complete',
      materials: COMPLETE,
    },
    clerk,
  );
  await register(h, clerk, '欧阳明华', IDS.zhang, '0577-66881234');
  await register(h, clerk, '司马光远', IDS.li);
  await h.ok(
    'mediation.register',
    neighbourDispute([person('欧阳明华', IDS.zhang), person('司马光远', IDS.li, 'respondent')], {
      occurredOn: '2025-09-28',
    }),
    mediator,
  );
  return { admin, clerk, mediator, caseNo: taken.caseNo };
}

async function register(
  h: Harness,
  clerk: string,
  name: string,
  docNumber: string,
  phone: string | null = null,
) {
  await h.ok(
    'residents.create',
    { name, docType: 'resident_id', docNumber, phone, confirmNotDuplicate: true },
    clerk,
  );
}

const EVERY_ONE_FOUND = {
  byName: 1,
  byNumber: 1,
  resident: 1,
  byPhone: 1,
  byDocument: 1,
  dispute: 1,
};

const test = townshipTest(searchScene)
  .extend('searches', ({ harness: h, township: { clerk, mediator, caseNo } }) => {
    /** What the counter finds by typing: a case by applicant and by number, a resident, a dispute. */
    return async () => {
      const byName = await h.call('cases.list', { query: '李阿婆' }, clerk);
      const byNumber = await h.call('cases.list', { query: caseNo.slice(-8) }, clerk);
      const resident = await h.call('residents.search', { query: '欧阳明' }, clerk);
      // A whole phone and a whole document number: found on their own indexes (issue 11: part of a
      // number no longer matches, since it gave back the masked digits).
      const byPhone = await h.call('residents.search', { query: '0577-66881234' }, clerk);
      const byDocument = await h.call('residents.search', { query: IDS.li }, clerk);
      const dispute = await h.call('mediation.list', { query: '司马光' }, mediator);
      const found = (result: Result<{ total: number }>) =>
        result.ok ? result.value.total : result.error.code;
      return {
        byName: found(byName),
        byNumber: found(byNumber),
        resident: found(resident),
        byPhone: found(byPhone),
        byDocument: found(byDocument),
        dispute: found(dispute),
      };
    };
  })
  .extend('damage', ({ harness: h }) => {
    /** Overwrites an index's segment pages, as a torn write inside the FTS5 b-tree would leave them. */
    return (table: 'cases_fts' | 'residents_fts' | 'disputes_fts') => {
      const { sqlite } = h.backend.runtime;
      sqlite.unsafeMode(true);
      sqlite
        .prepare(`UPDATE ${table}_data SET block = randomblob(length(block)) WHERE id > 10`)
        .run();
      sqlite.unsafeMode(false);
    };
  });

describe('a damaged search index', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('is reported with its own code, and a rebuild by the administrator mends it', async ({
    harness: h,
    township: { admin, clerk },
    searches,
    damage,
  }) => {
    expect(await searches()).toEqual(EVERY_ONE_FOUND);
    damage('cases_fts');

    const refused = await h.call('cases.list', { query: '李阿婆' }, clerk);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'SEARCH_INDEX_DAMAGED',
      message: expect.stringContaining('重建搜索索引'),
    });
    // Not the database: everything else answers, the list without a query included.
    expect((await h.ok('system.status', {})).database).toBe('ok');
    expect((await h.ok('system.status', {})).searchIndex).toBe('damaged');
    expect((await h.ok('cases.list', { query: '' }, clerk)).total).toBe(1);
    expect((await h.call('searchIndex.rebuild', {}, clerk)).ok).toBe(false);

    const rebuilt = await h.ok('searchIndex.rebuild', {}, admin);
    expect(rebuilt).toMatchObject({ cases: 1, disputes: 1 });
    // 李阿婆 and the two parties of the dispute.
    expect(rebuilt.residents).toBe(3);
    expect((await h.ok('system.status', {})).searchIndex).toBe('ok');
    expect(await searches()).toEqual(EVERY_ONE_FOUND);

    const audit = await h.backend.runtime.db
      .selectFrom('audit_log')
      .select(['outcome', 'detail'])
      .where('action', '=', 'searchIndex.rebuild')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { outcome: 'denied', detail: '角色无权执行' },
      {
        outcome: 'success',
        detail: expect.stringMatching(
          /^群众 3 条、办件 1 条、纠纷 1 条，用时 \d+ 毫秒；重建前的错误：/,
        ),
      },
    ]);

    // Renamed into place, the index's CREATE statement now quotes its name: a second rebuild reads it.
    damage('cases_fts');
    await h.ok('searchIndex.rebuild', {}, admin);
    expect(await searches()).toEqual(EVERY_ONE_FOUND);

    await h.restart();
    expect((await h.ok('system.status', {})).searchIndex).toBe('ok');
  });

  test('mends the resident and dispute indexes too, and new rows are indexed after it', async ({
    harness: h,
    township: { admin, clerk, mediator },
    searches,
    damage,
  }) => {
    damage('residents_fts');
    damage('disputes_fts');
    const before = await searches();
    expect(before.resident).toBe('SEARCH_INDEX_DAMAGED');
    // A whole number is looked up outside the full-text index, so the counter still finds it.
    expect(before.byPhone).toBe(1);
    expect(before.byDocument).toBe(1);
    expect(before.dispute).toBe('SEARCH_INDEX_DAMAGED');
    await h.ok('searchIndex.rebuild', {}, admin);
    expect(await searches()).toEqual(EVERY_ONE_FOUND);

    await register(h, clerk, '欧阳明月', IDS.zhao);
    await h.ok(
      'mediation.register',
      neighbourDispute([person('司马光明', IDS.wang), person('欧阳明月', IDS.zhao, 'respondent')], {
        occurredOn: '2025-09-28',
      }),
      mediator,
    );
    expect((await h.ok('mediation.list', { query: '司马光' }, mediator)).total).toBe(2);
    expect((await h.ok('residents.search', { query: '欧阳明' }, clerk)).total).toBe(2);
  });

  test('refuses every other request while it rebuilds, and a second rebuild', async ({
    harness: h,
    township: { admin, clerk },
    searches,
  }) => {
    const rt = h.backend.runtime;
    const running = h.call('searchIndex.rebuild', {}, admin);
    while (!rt.reindexing) await new Promise((resolve) => setImmediate(resolve));
    const meanwhile = await h.call('cases.list', { query: '李阿婆' }, clerk);
    expect(meanwhile.ok ? null : meanwhile.error).toEqual({
      code: 'SEARCH_INDEX_REBUILDING',
      message: '正在重建搜索索引，请稍候再试',
    });
    expect((await h.call('searchIndex.rebuild', {}, admin)).ok).toBe(false);
    expect((await h.ok('system.status', {})).searchIndex).toBe('rebuilding');
    expect((await running).ok).toBe(true);
    expect(await searches()).toEqual(EVERY_ONE_FOUND);
  });

  test('waits for the requests already under way before it reads a table', async ({
    harness: h,
    township: { admin },
    searches,
  }) => {
    const rt = h.backend.runtime;
    // A request past the gate and not yet answered, as an intake's transaction between two awaits.
    rt.inFlight += 1;
    let done = false;
    const running = h.call('searchIndex.rebuild', {}, admin).then((result) => {
      done = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rt.reindexing).toBe(true);
    expect(done).toBe(false);
    rt.inFlight -= 1;
    expect((await running).ok).toBe(true);
    expect(await searches()).toEqual(EVERY_ONE_FOUND);
  });

  test('clears what a rebuild stopped half-way left behind', async ({
    harness: h,
    township: { admin },
    searches,
  }) => {
    // A power cut after the first batches: the shadow index exists, the live one is untouched.
    h.backend.runtime.sqlite.exec(
      `CREATE VIRTUAL TABLE cases_fts_rebuild USING fts5(case_no, applicant_name, item_name, content='', contentless_delete=1, tokenize='trigram');
       INSERT INTO cases_fts_rebuild(rowid, case_no, applicant_name, item_name) VALUES (999, '半途', '半途', '半途');`,
    );
    expect(await searches()).toEqual(EVERY_ONE_FOUND);
    await h.ok('searchIndex.rebuild', {}, admin);
    expect(await searches()).toEqual(EVERY_ONE_FOUND);
    const leftovers = h.backend.runtime.sqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE name LIKE '%_rebuild%'`)
      .all();
    expect(leftovers).toEqual([]);
  });
});
