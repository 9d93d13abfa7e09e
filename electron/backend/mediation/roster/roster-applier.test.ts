import { describe, expect } from 'vitest';
import type { RosterEntry } from '@shared/sync/reference-contract';
import { CHENGDONG, DONGCHENG } from '@shared/testing/org-units';
import { SET_UP_TIME, staffTest as test } from '../../testing/mediation-staff';
import { applyEdition } from '../../testing/reference-apply';
import { applyRosterEdition } from '../service';

const ZHAO = '01900000-0000-7000-8000-000000000001';
const QIAN = '01900000-0000-7000-8000-000000000002';
const ELSEWHERE = '01900000-0000-7000-8000-000000000003';

function entry(id: string, orgUnitCode: string, name: string, more: Partial<RosterEntry> = {}) {
  return {
    id,
    orgUnitCode,
    committeeKind: orgUnitCode.length === 12 ? 'village' : 'township',
    name,
    gender: null,
    phone: null,
    background: 'village_cadre',
    specialties: ['neighbour'],
    active: true,
    note: null,
    ...more,
  } satisfies RosterEntry;
}

const EDITION_1 = [
  entry(ZHAO, CHENGDONG.code, '赵建国'),
  entry(QIAN, DONGCHENG.divisionCode, '钱秀英', { gender: 'female' }),
  // A township this terminal's tree does not have.
  entry(ELSEWHERE, '330324999', '孙立'),
];

test.beforeAll(({ supervisor }) => void supervisor, SET_UP_TIME);

describe("the county's mediator roster", () => {
  test('puts the entries on the committees with the ids the county gave, skipping units not here', async ({
    harness: h,
    township: c,
    supervisor,
    enrol,
  }) => {
    const rt = h.backend.runtime;
    const local = await enrol({ name: '李本地', background: 'other', specialties: [] });
    const summary = await applyEdition(rt, applyRosterEdition, 'roster', 1, { entries: EDITION_1 });
    expect(summary).toBe('调解员 2 人（新增 2、更新 0、停用 0）；1 人所属单位不在本终端，未载入');

    const village = await h.ok('mediators.list', { orgUnitId: c.villageAId }, supervisor.token);
    expect(village.map((m) => [m.id, m.name])).toEqual([
      [local.id, '李本地'],
      [ZHAO, '赵建国'],
    ]);
    const township = await h.ok('mediators.list', { orgUnitId: c.townshipId }, supervisor.token);
    expect(township.find((m) => m.id === QIAN)).toMatchObject({
      name: '钱秀英',
      gender: 'female',
      committeeKind: 'township',
      active: true,
    });
    const again = await applyEdition(rt, applyRosterEdition, 'roster', 1, { entries: EDITION_1 });
    expect(again).toBe('调解员 2 人（新增 0、更新 0、停用 0）；1 人所属单位不在本终端，未载入');
  });

  test('updates and deactivates its own entries, keeping local account links and local entries', async ({
    harness: h,
    township: c,
    supervisor,
    villageAMediator,
  }) => {
    const rt = h.backend.runtime;
    // The township linked 赵建国's entry to his account here: the county does not know accounts.
    await rt.db
      .updateTable('mediators')
      .set({ user_id: villageAMediator.userId })
      .where('id', '=', ZHAO)
      .execute();
    const summary = await applyEdition(rt, applyRosterEdition, 'roster', 2, {
      entries: [entry(ZHAO, CHENGDONG.code, '赵建国', { phone: '13805770001' })],
    });
    expect(summary).toBe('调解员 1 人（新增 0、更新 1、停用 1）');

    const all = await h.ok(
      'mediators.list',
      { orgUnitId: c.villageAId, includeInactive: true },
      supervisor.token,
    );
    expect(all.map((m) => [m.name, m.active, m.userId])).toEqual([
      ['李本地', true, null],
      ['赵建国', true, villageAMediator.userId],
    ]);
    expect(all.find((m) => m.id === ZHAO)?.phoneMasked).toBe('138****0001');
    const township = await h.ok(
      'mediators.list',
      { orgUnitId: c.townshipId, includeInactive: true },
      supervisor.token,
    );
    // Deactivated, not deleted: a dispute may name her.
    expect(township.find((m) => m.id === QIAN)?.active).toBe(false);
  });

  test('rolls back whole when a later write fails, leaving the roster as it was', async ({
    harness: h,
    township: c,
    supervisor,
  }) => {
    const rt = h.backend.runtime;
    const before = await h.ok(
      'mediators.list',
      { orgUnitId: c.villageAId, includeInactive: true },
      supervisor.token,
    );
    const broken = applyEdition(rt, applyRosterEdition, 'roster', 3, {
      entries: [
        entry(ZHAO, CHENGDONG.code, '赵建国（改）'),
        // The last two share a new id: the second insert fails on the primary key.
        entry(QIAN, CHENGDONG.code, '钱一'),
        { ...entry(QIAN, CHENGDONG.code, '钱二'), id: '01900000-0000-7000-8000-000000000009' },
        entry('01900000-0000-7000-8000-000000000009', CHENGDONG.code, '钱三'),
      ],
    });
    await expect(broken).rejects.toThrow();
    const after = await h.ok(
      'mediators.list',
      { orgUnitId: c.villageAId, includeInactive: true },
      supervisor.token,
    );
    expect(after).toEqual(before);
  });
});
