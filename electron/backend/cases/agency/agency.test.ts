import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { CLERK, VILLAGE_AGENT } from '@shared/testing/people';
import { townshipTest } from '../../testing/fixtures';
import type { Harness } from '../../testing/harness';
import {
  addResident,
  SETUP_TIMEOUT_MS,
  ensureItem,
  moveClockTo,
  setUpDemoTownship,
  signInAs,
  ALL_RECEIVED,
} from '../../testing/township';

type Checks = MethodInput<'cases.intake'>['materials'];

const WITHOUT_ATTORNEY: Checks = ALL_RECEIVED.filter((check) => check.position !== 4);

/** 东城街道 on Monday 2025-09-22, 09:00 in Shanghai: a clerk, 城东社区's agent and one of its residents. */
async function agencyScene(h: Harness) {
  moveClockTo(h, '2025-09-22T01:00:00.000Z', []);
  const township = await setUpDemoTownship(h);
  const { admin, villageId } = township;
  const clerk = await signInAs(h, admin, CLERK);
  const agent = await signInAs(h, admin, { ...VILLAGE_AGENT, orgUnitId: villageId });
  const itemId = await ensureItem(h, 'ZJ-XZ-0003');
  const { id: residentId } = await addResident(h, {
    name: '钱老伯',
    serial: 51,
    villageOrgId: villageId,
  });
  /** The agent's filing for 钱老伯, with these materials. */
  const filing = (materials: Checks = ALL_RECEIVED) => ({
    residentId,
    itemId,
    materials,
    attorneyDate: '2025-09-21',
    reason: '申请人年老行动不便',
  });
  return { ...township, clerk, agent, itemId, residentId, filing };
}

const test = townshipTest(agencyScene);

describe('village agency', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('prints the 代办受理凭证 from filing on, counted and audited like the other papers', async ({
    harness: h,
    township: { admin, agent, filing },
  }) => {
    const filed = await h.ok('cases.agencyIntake', filing(), agent);
    expect(
      (await h.ok('print.record', { caseId: filed.id, document: 'agency' }, agent)).count,
    ).toBe(1);
    expect(await h.code('print.record', { caseId: filed.id, document: 'receipt' }, agent)).toBe(
      'PRINT_NOT_AVAILABLE',
    );
    expect((await h.ok('cases.get', { caseId: filed.id }, agent)).printCounts).toEqual({
      agency: 1,
    });
    const audit = await h.ok(
      'audit.list',
      { page: 1, pageSize: 10, action: 'print.agency' },
      admin,
    );
    expect(audit.rows.map((row) => row.detail)).toEqual([`${filed.caseNo} 代办受理凭证`]);
  });

  test('files at the village, hands over, and the township receives it into its workflow', async ({
    harness: h,
    township: { clerk, agent, townshipId, villageId, filing },
  }) => {
    const draft = await h.ok('cases.agencyIntake', filing(), agent);
    expect(draft).toMatchObject({
      state: 'agency_draft',
      channel: 'agency',
      orgUnitId: villageId,
      orgUnitName: '城东社区',
      agencyOrgName: '城东社区',
      // The paper names where it goes: the village's township.
      agencyTownshipName: '东城街道便民服务中心',
      agentName: '周代办',
      agencyReason: '申请人年老行动不便',
      attorneyDate: '2025-09-21',
      // Three working days after Monday 09-22.
      handoffDueDate: '2025-09-25',
      deadline: 'ok',
      acceptedDate: null,
      availableActions: ['hand_over', 'withdraw'],
    });

    // At the township it is visible but not theirs to receive before the hand-over.
    expect(await h.code('cases.receive', { caseId: draft.id, materials: [] }, clerk)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await h.code('cases.transition', { caseId: draft.id, action: 'hand_over' }, clerk)).toBe(
      'ROLE_NOT_ALLOWED',
    );

    const handedOver = await h.ok(
      'cases.transition',
      { caseId: draft.id, action: 'hand_over' },
      agent,
    );
    expect(handedOver).toMatchObject({ state: 'awaiting_receipt', orgUnitId: townshipId });

    const atTownship = await h.ok('cases.get', { caseId: draft.id }, clerk);
    expect(atTownship.state).toBe('awaiting_receipt');
    expect(atTownship.availableActions).toEqual([
      'receive',
      'request_supplement',
      'reject',
      'withdraw',
    ]);

    moveClockTo(h, '2025-09-23T02:00:00.000Z', [clerk, agent]);
    const received = await h.ok('cases.receive', { caseId: draft.id, materials: [] }, clerk);
    expect(received).toMatchObject({
      state: 'accepted',
      acceptedDate: '2025-09-23',
      // The clock starts at receipt: 09-24 (1) … 09-28 Sunday make-up day (4), 09-29 (5).
      dueDate: '2025-09-29',
      counterContact: '东城街道便民服务中心 一号窗口',
    });
    expect(received.receivedAt).not.toBeNull();

    await h.ok('cases.transition', { caseId: draft.id, action: 'start' }, clerk);
    await h.ok(
      'cases.transition',
      { caseId: draft.id, action: 'complete', resultNote: '待遇已核定' },
      clerk,
    );

    // The agent still follows the case, sees the result and records handing it back.
    const result = await h.ok('cases.get', { caseId: draft.id }, agent);
    expect(result).toMatchObject({
      state: 'completed',
      resultNote: '待遇已核定',
      availableActions: [],
    });
    const back = await h.ok('cases.handOut', { caseId: draft.id, note: '已送至申请人家中' }, agent);
    expect(back.events.at(-1)).toMatchObject({
      action: 'hand_out',
      actorName: '周代办',
      note: '代办员已将结果交还申请人。已送至申请人家中',
    });
  });

  test('sends an incomplete agency case to 补正 at receipt, counting from the 补正', async ({
    harness: h,
    township: { clerk, agent, filing },
  }) => {
    const draft = await h.ok('cases.agencyIntake', filing(ALL_RECEIVED.slice(2)), agent);
    expect(draft.events[0]?.note).toBe(
      '代办收件，2025-09-25 前移交乡镇；尚缺：申请人居民身份证、申请人户口簿',
    );
    await h.ok('cases.transition', { caseId: draft.id, action: 'hand_over' }, agent);
    const waiting = await h.ok(
      'cases.receive',
      { caseId: draft.id, materials: [{ position: 0, status: 'received' }] },
      clerk,
    );
    expect(waiting.state).toBe('pending_supplement');
    expect(waiting.events.at(-1)?.note).toBe(
      '接收，材料不齐，出具一次性告知单，尚缺：申请人户口簿',
    );
    const accepted = await h.ok(
      'cases.supplement',
      { caseId: draft.id, materials: [{ position: 1, status: 'received' }] },
      clerk,
    );
    expect(accepted).toMatchObject({ state: 'accepted', acceptedDate: '2025-09-22' });
  });

  test('lists the hand-off in the township inbox and the agent’s own list with agent and dates', async ({
    harness: h,
    township: { clerk, agent, filing },
  }) => {
    const draft = await h.ok('cases.agencyIntake', filing(), agent);
    const me = await h.ok('auth.me', {}, agent);
    const mine = await h.ok('cases.list', { agentUserId: me.id, channel: 'agency' }, agent);
    expect(mine.rows.map((row) => row.id)).toEqual([draft.id]);
    expect(mine.rows[0]).toMatchObject({
      state: 'agency_draft',
      agentName: '周代办',
      handoffDueDate: '2025-09-25',
      handedOverAt: null,
      deadline: 'ok',
    });
    const { agencyDrafts } = await h.ok('cases.dashboard', {}, agent);
    expect(agencyDrafts.map((row) => row.handoffDueDate)).toEqual(['2025-09-25']);

    moveClockTo(h, '2025-09-23T06:30:00.000Z', [clerk, agent]);
    await h.ok('cases.transition', { caseId: draft.id, action: 'hand_over' }, agent);
    const inbox = await h.ok(
      'cases.list',
      { states: ['awaiting_receipt'], channel: 'agency' },
      clerk,
    );
    expect(inbox.rows).toHaveLength(1);
    expect(inbox.rows[0]).toMatchObject({
      agencyOrgName: '城东社区',
      agentName: '周代办',
      handoffDueDate: '2025-09-25',
      handedOverAt: '2025-09-23T06:30:00.000Z',
      // At the township the hand-off limit no longer runs; the promised days have not started.
      deadline: 'none',
    });
    const detail = await h.ok('cases.get', { caseId: draft.id }, clerk);
    expect(detail.handedOverAt).toBe('2025-09-23T06:30:00.000Z');
  });

  test('files for a resident the township registered without a village', async ({
    harness: h,
    township: { agent, filing },
  }) => {
    const { id: townsman } = await addResident(h, { name: '孙大伯', serial: 53 });
    const draft = await h.ok('cases.agencyIntake', { ...filing(), residentId: townsman }, agent);
    expect(draft).toMatchObject({ applicantName: '孙大伯', state: 'agency_draft' });
  });

  test('refuses items not open to agency and filings without the power of attorney', async ({
    harness: h,
    township: { admin, clerk, agent, filing },
  }) => {
    expect(
      await h.code(
        'cases.agencyIntake',
        { ...filing([]), itemId: await ensureItem(h, 'ZJ-XZ-0036') },
        agent,
      ),
    ).toBe('AGENCY_NOT_ALLOWED');
    expect(await h.code('cases.agencyIntake', filing(WITHOUT_ATTORNEY), agent)).toBe(
      'POWER_OF_ATTORNEY_REQUIRED',
    );
    const future = await h.call(
      'cases.agencyIntake',
      { ...filing(), attorneyDate: '2025-09-30' },
      agent,
    );
    expect(future.ok ? null : future.error.fields).toEqual({
      attorneyDate: '委托日期无效或晚于今天',
    });
    expect(await h.code('cases.agencyIntake', filing(), clerk)).toBe('FORBIDDEN');
    const townshipAgent = await signInAs(h, admin, {
      username: 'agent2',
      displayName: '吴代办',
      role: 'agent',
    });
    expect(await h.code('cases.agencyIntake', filing(), townshipAgent)).toBe('FORBIDDEN');
  });

  test('keeps cases away from agents of other villages', async ({
    harness: h,
    township: { admin, agent, otherVillageId, filing },
  }) => {
    const draft = await h.ok('cases.agencyIntake', filing(), agent);
    const neighbour = await signInAs(h, admin, {
      username: 'agent3',
      displayName: '郑代办',
      role: 'agent',
      orgUnitId: otherVillageId,
    });
    expect(await h.code('cases.get', { caseId: draft.id }, neighbour)).toBe('FORBIDDEN');
    expect(
      await h.code('cases.transition', { caseId: draft.id, action: 'hand_over' }, neighbour),
    ).toBe('FORBIDDEN');
  });

  test('notes a hand-over after the 3-working-day limit', async ({
    harness: h,
    township: { agent, filing },
  }) => {
    const draft = await h.ok('cases.agencyIntake', filing(), agent);
    moveClockTo(h, '2025-09-26T02:00:00.000Z', [agent]);
    const late = await h.ok('cases.get', { caseId: draft.id }, agent);
    expect(late.deadline).toBe('overdue');
    const handedOver = await h.ok(
      'cases.transition',
      { caseId: draft.id, action: 'hand_over' },
      agent,
    );
    expect(handedOver.events.at(-1)?.note).toBe(
      '移交东城街道便民服务中心（逾期，应于 2025-09-25 前移交）',
    );
    const row = await h.backend.runtime.db
      .selectFrom('cases')
      .select(['handed_over_at', 'handoff_due_date'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row.handed_over_at?.slice(0, 10)).toBe('2025-09-26');
    expect(row.handoff_due_date).toBe('2025-09-25');
  });
});
