import { describe, expect } from 'vitest';
import { CompiledQuery } from 'kysely';
import { listQuerySql } from '../list/disputes-repository';
import { nameBigrams } from '../list/search-index';
import { SET_UP_TIME, staffTest as test } from '../../testing/mediation-staff';
import { zhangAndLi } from '../../testing/mediation-inputs';
import { IDS, neighbourDispute, person } from '@shared/testing/people';

test.beforeAll(
  ({ villageAMediator, villageBMediator, townshipMediator, auditor, townshipClerk }) =>
    void [villageAMediator, villageBMediator, townshipMediator, auditor, townshipClerk],
  SET_UP_TIME,
);

describe('registration', () => {
  test('files an event report to the township with a 重大 dispute, and says so', async ({
    harness: h,
    township: c,
    villageAMediator: villageA,
    townshipMediator: township,
  }) => {
    const { dispute, immediateReport } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), { riskLevel: 'major', peopleInvolved: 30 }),
      villageA.token,
    );
    expect(immediateReport).toMatchObject({
      receivingOrgId: c.townshipId,
      receivingOrgName: '东城街道',
      message: '风险等级为重大，已自动向东城街道报送事件报告',
    });
    expect(dispute.eventReports).toMatchObject([
      { receivingOrgName: '东城街道', acknowledged: false },
    ]);
    const inbox = await h.ok('eventReports.list', { box: 'received' }, township.token);
    expect(inbox.rows[0]).toMatchObject({
      id: immediateReport!.eventReportId,
      category: 'major_information',
      categoryLabel: '重大信息',
      urgency: 'critical',
      title: `重大矛盾纠纷：${dispute.caseNo}`,
      fromOrgName: '城东社区',
      disputeCaseNo: dispute.caseNo,
      peopleInvolved: 30,
      canAcknowledge: true,
    });
    expect((await h.ok('mediation.dashboard', {}, township.token)).unacknowledgedReports).toBe(1);

    // Raising a case to 重大 later reports it the same way; a general one reports nothing.
    const { dispute: later, immediateReport: none } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi()),
      villageA.token,
    );
    expect(none).toBeNull();
    const raised = await h.ok(
      'mediation.update',
      { disputeId: later.id, ...neighbourDispute([]), riskLevel: 'major' },
      villageA.token,
    );
    expect(raised.eventReports).toHaveLength(1);
    expect(raised.events.at(-1)?.note).toBe('风险等级 一般 → 重大');
  });

  test('refuses bad particulars by field, saving nothing', async ({
    harness: h,
    villageAMediator: villageA,
  }) => {
    const before = (await h.ok('mediation.list', {}, villageA.token)).total;
    const cases = [
      [
        neighbourDispute([
          person('张三', IDS.zhang),
          person('李四', '330324198202021240', 'respondent'),
        ]),
        'parties.1.idNumber',
      ],
      [
        neighbourDispute([
          person('张三', IDS.zhang),
          { ...person('李四', IDS.li, 'respondent'), phone: '12345' },
        ]),
        'parties.1.phone',
      ],
      [
        neighbourDispute([
          person('张三', IDS.zhang),
          { ...person('李四', IDS.li, 'respondent'), agentName: '李小明' },
        ]),
        'parties.1.attorneyDate',
      ],
      [neighbourDispute(zhangAndLi(), { source: 'transfer' }), 'transferOrigin'],
      [
        neighbourDispute(zhangAndLi(), { source: 'transfer', transferOrigin: 'nowhere' }),
        'transferOrigin',
      ],
      [neighbourDispute(zhangAndLi(), { occurredOn: '2099-01-01' }), 'occurredOn'],
      [
        neighbourDispute([
          person('张三', IDS.zhang),
          { kind: 'organisation', role: 'respondent', name: '某公司', creditCode: 'ABC' },
        ]),
        'parties.1.creditCode',
      ],
    ] as const;
    for (const [input, field] of cases) {
      const result = await h.call('mediation.register', input, villageA.token);
      expect(result.ok, field).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(Object.keys(result.error.fields ?? {})).toContain(field);
        expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect((await h.ok('mediation.list', {}, villageA.token)).total).toBe(before);
  });

  test('registers a transferred dispute with an organisation party', async ({
    harness: h,
    villageAMediator: villageA,
  }) => {
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute(
        [
          person('王五', IDS.wang),
          {
            kind: 'organisation',
            role: 'respondent',
            name: '永嘉县东城物业服务有限公司',
            creditCode: '91330324MA2ABCDE1X',
            representative: '钱经理',
          },
        ],
        { type: 'property_management', source: 'transfer', transferOrigin: 'police' },
      ),
      villageA.token,
    );
    expect(dispute).toMatchObject({ source: 'transfer', transferOrigin: 'police' });
    expect(dispute.parties[1]).toMatchObject({
      kind: 'organisation',
      creditCode: '91330324MA2ABCDE1X',
      representative: '钱经理',
    });
  });
});

describe('access and privacy', () => {
  test('masks ID numbers and phones in every list and detail; reveals them on an audited request', async ({
    harness: h,
    township: c,
    villageAMediator: villageA,
    villageBMediator: villageB,
  }) => {
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi()),
      villageA.token,
    );
    const list = await h.ok('mediation.list', {}, villageA.token);
    const detail = await h.ok('mediation.get', { disputeId: dispute.id }, villageA.token);
    for (const shown of [list, detail]) {
      const text = JSON.stringify(shown);
      expect(text).not.toContain(IDS.zhang);
      expect(text).not.toContain('13800138000');
    }
    expect(detail.parties[0]).toMatchObject({
      idNumberMasked: '330324********1239',
      phoneMasked: '138****8000',
    });
    const revealed = await h.ok(
      'mediation.revealParty',
      { partyId: detail.parties[0]!.id, field: 'phone', reason: '通知调解时间' },
      villageA.token,
    );
    expect(revealed.value).toBe('13800138000');
    const audit = await h.ok('audit.list', { action: 'mediation.revealParty' }, c.admin);
    expect(audit.rows[0]?.detail).toBe(`${dispute.caseNo} 张三：联系电话（通知调解时间）`);
    expect(
      await h.call(
        'mediation.revealParty',
        { partyId: detail.parties[0]!.id, field: 'idNumber' },
        villageB.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test("keeps a village's cases from another village's mediators; the township's auditor reads them", async ({
    harness: h,
    villageAMediator: villageA,
    villageBMediator: villageB,
    townshipMediator: township,
    auditor,
    townshipClerk: clerk,
  }) => {
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi()),
      villageA.token,
    );
    expect(await h.call('mediation.get', { disputeId: dispute.id }, villageB.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该纠纷案件不属于本单位，无权查看' },
    });
    expect(
      (await h.ok('mediation.list', {}, villageB.token)).rows.map((row) => row.id),
    ).not.toContain(dispute.id);
    // A township mediator works for the township's committee, not over its villages.
    expect(await h.call('mediation.get', { disputeId: dispute.id }, township.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.ok('mediation.get', { disputeId: dispute.id }, auditor.token)).toMatchObject({
      access: 'oversight',
      canWrite: false,
      availableActions: [],
    });
    expect(
      await h.call('mediation.register', neighbourDispute(zhangAndLi()), auditor.token),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('mediation.list', {}, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test("lists a resident's disputes in the 一人一档, from the resident record's particulars", async ({
    harness: h,
    township: c,
    villageAMediator: villageA,
    villageBMediator: villageB,
  }) => {
    const residentId = 'resident-0001';
    await h.backend.runtime.db
      .insertInto('residents')
      .values({
        id: residentId,
        org_unit_id: c.townshipId,
        created_at: '2026-11-01T00:00:00.000Z',
        created_by: null,
        updated_at: '2026-11-01T00:00:00.000Z',
        updated_by: null,
        origin_terminal_id: 'test',
        version: '0',
        deleted_at: null,
        doc_type: 'resident_id',
        doc_number: IDS.qian,
        name: '钱七',
        gender: 'male',
        birth_date: '1985-05-05',
        phone: '13700137000',
        address: '城东社区5号',
        village_org_id: c.villageAId,
        ethnicity: '畲族',
        initials: 'qq',
      })
      .execute();
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute([
        { kind: 'person', role: 'applicant', residentId, occupation: '个体户' },
        person('孙八', IDS.sun, 'respondent'),
      ]),
      villageA.token,
    );
    expect(dispute.parties[0]).toMatchObject({
      residentId,
      name: '钱七',
      gender: 'male',
      ethnicity: '畲族',
      birthDate: null,
      ageNow: 41,
      idNumberMasked: '330324********331X',
      phoneMasked: '137****7000',
      address: '城东社区5号',
      occupation: '个体户',
    });
    const file = await h.ok('mediation.ofResident', { residentId }, villageA.token);
    expect(file.map((item) => [item.id, item.partyRole])).toEqual([[dispute.id, 'applicant']]);
    expect(await h.ok('mediation.ofResident', { residentId }, villageB.token)).toEqual([]);
  });
});

describe('search and list', () => {
  test('finds disputes by case number, 1-, 2- and 3-character names and the sequence, with filters and paging', async ({
    harness: h,
    villageBMediator: villageB,
  }) => {
    const { dispute: first } = await h.ok(
      'mediation.register',
      neighbourDispute([person('欧阳娜娜', IDS.wang), person('赵六', IDS.zhao, 'respondent')], {
        type: 'contract',
        riskLevel: 'serious',
      }),
      villageB.token,
    );
    await h.ok(
      'mediation.register',
      neighbourDispute([person('欧文', IDS.zhang), person('李四', IDS.li, 'respondent')]),
      villageB.token,
    );
    const find = async (query: string, extra: object = {}) =>
      (await h.ok('mediation.list', { query, ...extra }, villageB.token)).rows.map(
        (row) => row.partyNames,
      );
    // Registered at the township's terminal for the village: 乡01 (see registeringForNumber).
    expect(first.caseNo).toBe('（2026）永望江人调字第乡01-1号');
    expect(await find('欧阳娜')).toEqual(['欧阳娜娜、赵六']);
    expect(await find('娜娜')).toEqual(['欧阳娜娜、赵六']);
    expect(await find('欧', { sortBy: 'caseNo', sortDir: 'asc' })).toEqual([
      '欧阳娜娜、赵六',
      '欧文、李四',
    ]);
    expect(await find('赵六')).toEqual(['欧阳娜娜、赵六']);
    expect(await find('人调字第乡01-2号')).toEqual(['欧文、李四']);
    expect(await find('(2026)永望江')).toHaveLength(2);
    expect(await find('1')).toEqual(['欧阳娜娜、赵六']);
    expect(await find('', { types: ['contract'] })).toEqual(['欧阳娜娜、赵六']);
    expect(await find('', { riskLevels: ['general'] })).toEqual(['欧文、李四']);
    expect(await find('', { states: ['registered'] })).toEqual([]);
    const page = await h.ok(
      'mediation.list',
      { pageSize: 1, page: 2, sortBy: 'caseNo', sortDir: 'asc' },
      villageB.token,
    );
    expect(page).toMatchObject({ total: 2, rows: [{ partyNames: '欧文、李四' }] });

    // A party added later is found by name at once.
    await h.ok(
      'mediation.saveParty',
      { disputeId: first.id, party: person('司马相如', IDS.sun, 'third_party') },
      villageB.token,
    );
    expect(await find('相如')).toEqual(['欧阳娜娜、赵六、司马相如']);
  });

  test('never scans the disputes table for a list the user waits for', async ({
    harness: h,
    township: c,
  }) => {
    const db = h.backend.runtime.db;
    for (const query of ['', '1', '欧', '娜娜', '欧阳娜', '人调字第2号']) {
      const compiled = listQuerySql(db, {
        scope: [c.villageAId],
        access: 'all',
        query,
        types: [],
        states: [],
        riskLevels: [],
      });
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((row) => row.detail);
      expect(
        details.filter((detail) => /^SCAN d\b/.test(detail)),
        `${query}: ${details.join(' | ')}`,
      ).toEqual([]);
    }
  });

  test('indexes the 2-character substrings of each name, never across names', () => {
    expect(nameBigrams('欧阳娜娜、赵六')).toEqual(['欧阳', '阳娜', '娜娜', '赵六']);
  });
});
