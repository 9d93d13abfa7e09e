import { describe, expect } from 'vitest';
import { counterTest as test } from '../../testing/cases';
import {
  addResident,
  COMPLETE,
  ensureItem,
  moveClockTo,
  PENSION,
  received,
  SETUP_TIMEOUT_MS,
} from '../../testing/township';

/** An application the counter refuses to take in: who tries, with which materials, and why not. */
interface Refused {
  outcome: 'complete' | 'incomplete';
  materials: typeof COMPLETE;
  by: 'clerk' | 'admin';
  error: { code: string; message?: string };
}

describe('intake outcomes', { timeout: SETUP_TIMEOUT_MS }, () => {
  test.for<[string, Refused]>([
    [
      'refuses 受理 with missing materials and names them',
      {
        outcome: 'complete',
        materials: received(0, 1, 2),
        by: 'clerk',
        error: {
          code: 'MATERIALS_INCOMPLETE',
          message:
            '材料不齐，不能受理。尚缺：申请人社会保障卡或本人银行账户、授权委托书、受托人居民身份证',
        },
      },
    ],
    [
      'refuses a one-time notice when nothing is missing',
      {
        outcome: 'incomplete',
        materials: COMPLETE,
        by: 'clerk',
        error: { code: 'NOTHING_MISSING' },
      },
    ],
    [
      'is for the counter: an administrator cannot take a case in',
      {
        outcome: 'complete',
        materials: COMPLETE,
        by: 'admin',
        error: { code: 'ROLE_NOT_ALLOWED' },
      },
    ],
  ])('%s', async ([, { outcome, materials, by, error }], { harness: h, township }) => {
    const { itemId, residentId } = township;
    const result = await h.call(
      'cases.intake',
      { residentId, itemId, outcome, materials },
      township[by],
    );
    expect(result.ok ? null : result.error).toMatchObject(error);
  });

  test('refuses 不予受理 without the reason and where to go, and records both', async ({
    harness: h,
    township: { clerk, notOurs },
  }) => {
    const bare = await h.call(
      'cases.intake',
      notOurs({
        rejectReason: '不属于本中心受理范围',
      }),
      clerk,
    );
    expect(bare.ok ? null : bare.error).toMatchObject({
      code: 'REJECT_REASON_REQUIRED',
      fields: { redirectTo: '请告知应到何处办理' },
    });
    const rejected = await h.ok(
      'cases.intake',
      notOurs({
        rejectReason: '申请人户籍不在本县',
        redirectTo: '户籍所在地乡镇便民服务中心',
      }),
      clerk,
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejectReason: '申请人户籍不在本县',
      redirectTo: '户籍所在地乡镇便民服务中心',
      acceptedDate: null,
    });
    expect(
      (await h.ok('print.record', { caseId: rejected.id, document: 'rejection' }, clerk)).count,
    ).toBe(1);
    expect(await h.code('print.record', { caseId: rejected.id, document: 'receipt' }, clerk)).toBe(
      'PRINT_NOT_AVAILABLE',
    );
  });

  test('refuses an applicant who does not qualify with no place to go, and says so on the timeline', async ({
    harness: h,
    township: { clerk, notOurs },
  }) => {
    const rejected = await h.ok(
      'cases.intake',
      notOurs({
        rejectReason: '申请人未满 80 周岁。',
        redirectTo: '无需办理',
        ineligible: true,
      }),
      clerk,
    );
    expect(rejected).toMatchObject({ state: 'rejected', redirectTo: null });
    const opening = rejected.events.at(0)?.note ?? '';
    expect(opening).toBe('不予受理：申请人未满 80 周岁（申请人不符合办理条件）');
    const bare = await h.call('cases.intake', notOurs({ ineligible: true }), clerk);
    expect(bare.ok ? null : bare.error).toMatchObject({
      code: 'REJECT_REASON_REQUIRED',
      fields: { rejectReason: '请填写不予受理的理由' },
    });
  });

  test('completes an instant item on the spot and hands the result out at once', async ({
    harness: h,
    township: { clerk, itemId, residentId },
  }) => {
    // 城乡居民基本医疗保险参保登记 (即办件): 0 身份证或户口簿, 1 登记表, 2..5 conditional.
    const instantId = await ensureItem(h, 'ZJ-XZ-0001');
    const onSpot = await h.ok(
      'cases.intake',
      {
        residentId,
        itemId: instantId,
        outcome: 'complete',
        completeOnSpot: true,
        materials: [
          ...received(0, 1),
          ...[2, 3, 4, 5].map((position) => ({ position, status: 'not_applicable' as const })),
        ],
      },
      clerk,
    );
    expect(onSpot).toMatchObject({
      state: 'completed',
      itemType: 'instant',
      acceptedDate: '2025-09-30',
      dueDate: '2025-09-30',
      completedDate: '2025-09-30',
    });
    expect(onSpot.handedOutAt).not.toBeNull();
    expect(onSpot.events.map((event) => [event.action, event.fromState, event.toState])).toEqual([
      ['intake', null, 'accepted'],
      ['complete', 'accepted', 'completed'],
      ['hand_out', 'completed', 'completed'],
    ]);
    const dashboard = await h.ok('cases.dashboard', {}, clerk);
    expect(dashboard.readyToHandOut.map((row) => row.id)).not.toContain(onSpot.id);
    expect(await h.code('cases.handOut', { caseId: onSpot.id }, clerk)).toBe('ILLEGAL_TRANSITION');
    expect(
      await h.code(
        'cases.intake',
        {
          residentId,
          itemId,
          outcome: 'complete',
          completeOnSpot: true,
          materials: COMPLETE,
        },
        clerk,
      ),
    ).toBe('INVALID_INPUT');
  });

  test('keeps the item version it was taken in under, and masks the applicant', async ({
    harness: h,
    township: { clerk, itemId },
  }) => {
    const { id } = await addResident(h, { name: '赵大伯', serial: 31, phone: '13857708000' });
    const taken = await h.ok(
      'cases.intake',
      {
        residentId: id,
        itemId,
        outcome: 'complete',
        materials: COMPLETE,
      },
      clerk,
    );
    expect(taken).toMatchObject({
      itemCode: PENSION,
      itemName: '城乡居民养老保险待遇领取',
      promisedDays: 5,
      applicant: { name: '赵大伯', docType: 'resident_id', phoneMasked: '138****8000' },
    });
    expect(taken.applicant.docNumberMasked).toMatch(/^330324\*{8}\d{3}[\dX]$/);
    const version = await h.backend.runtime.db
      .selectFrom('service_items')
      .select('current_version_id')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(taken.itemVersionId).toBe(version.current_version_id);
  });

  test('numbers cases per terminal and day, restarting the next day', async ({
    harness: h,
    township: { clerk, itemId, residentId },
  }) => {
    const take = async () =>
      (
        await h.ok(
          'cases.intake',
          { residentId, itemId, outcome: 'incomplete', materials: received(0) },
          clerk,
        )
      ).caseNo;
    expect([await take(), await take()]).toEqual([
      '330324001-01-20250930-0001',
      '330324001-01-20250930-0002',
    ]);
    // 00:30 in Shanghai is still the next day there, though UTC is on the 30th.
    moveClockTo(h, '2025-09-30T16:30:00.000Z', [clerk]);
    expect(await take()).toBe('330324001-01-20251001-0001');
  });
});
