import { describe, expect } from 'vitest';
import {
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
} from '@shared/domain/catalogue/mediation-reference';
import shippedTypes from '../../../../resources/dispute-types.json';
import shippedReference from '../../../../resources/mediation-reference.json';
import { readHeldReference } from '../../core/reference-data';
import { DomainError } from '../../core/errors';
import { SET_UP_TIME, staffTest as test } from '../../testing/mediation-staff';
import { applyEdition } from '../../testing/reference-apply';
import { applyDisputeTypesEdition, applyMediationReferenceEdition } from '../service';

const shipped = {
  types: disputeTypesFileSchema.parse(shippedTypes),
  reference: mediationReferenceFileSchema.parse(shippedReference),
};

/** The county's 2027 edition: 邻里 renamed and moved to the front, 物业 described anew. */
const county2027 = {
  edition: '2027.1',
  types: [
    { ...shipped.types.types[1]!, label: '邻里关系' },
    shipped.types.types[0]!,
    ...shipped.types.types
      .slice(2)
      .map((type) =>
        type.code === 'property_management'
          ? { ...type, description: '小区物业服务、停车、公共收益等纠纷' }
          : type,
      ),
  ],
};

const RETIRED_TEACHER = { code: 'retired_teacher', label: '退休教师' };

test.beforeAll(({ supervisor }) => void supervisor, SET_UP_TIME);

describe('the dispute types and mediation reference of the county', () => {
  test('are the shipped files until an edition is applied, then the edition', async ({
    harness: h,
    supervisor,
  }) => {
    const rt = h.backend.runtime;
    const before = await h.ok('mediation.reference', {}, supervisor.token);
    expect(before.disputeTypes).toEqual(shipped.types.types);

    const summary = await applyEdition(rt, applyDisputeTypesEdition, 'disputeTypes', 1, county2027);
    expect(summary).toBe('纠纷类型 15 类（2027.1）');
    const after = await h.ok('mediation.reference', {}, supervisor.token);
    expect(after.disputeTypes.slice(0, 2).map((type) => type.label)).toEqual([
      '邻里关系',
      '婚姻家庭',
    ]);
    expect(after.disputeTypes.find((t) => t.code === 'property_management')?.description).toBe(
      '小区物业服务、停车、公共收益等纠纷',
    );

    const again = await applyEdition(rt, applyDisputeTypesEdition, 'disputeTypes', 1, county2027);
    expect(again).toBe('纠纷类型 15 类（2027.1，无变化）');
    // Kept in the database, not only in the cache: a runtime that starts afresh reads it.
    rt.mediationLists.invalidate();
    const reread = await h.ok('mediation.reference', {}, supervisor.token);
    expect(reread.disputeTypes[0]?.label).toBe('邻里关系');
  });

  test('refuse an edition that drops or adds a statistical type, changing nothing', async ({
    harness: h,
  }) => {
    const rt = h.backend.runtime;
    const held = await readHeldReference(rt.db, 'disputeTypes');
    const dropped = {
      edition: '2027.2',
      types: county2027.types.filter((type) => type.code !== 'medical'),
    };
    const refusal = applyEdition(rt, applyDisputeTypesEdition, 'disputeTypes', 2, dropped);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({
      code: 'REFERENCE_EDITION_REFUSED',
      message: '未采用县级平台第 2 版纠纷类型：纠纷类型缺少统计口径中的代码：medical',
    });
    const added = {
      edition: '2027.2',
      types: [...county2027.types, { code: 'fishing', label: '渔业', description: '渔业生产纠纷' }],
    };
    await expect(
      applyEdition(rt, applyDisputeTypesEdition, 'disputeTypes', 2, added),
    ).rejects.toMatchObject({ code: 'REFERENCE_EDITION_REFUSED' });
    expect(await readHeldReference(rt.db, 'disputeTypes')).toEqual(held);
  });

  test('lets the roster take a background the county added, which the shipped list lacks', async ({
    harness: h,
    township: c,
    supervisor,
  }) => {
    const rt = h.backend.runtime;
    const teacher = {
      name: '周老师',
      committeeKind: 'village',
      background: RETIRED_TEACHER.code,
      orgUnitId: c.villageAId,
    };
    const refused = await h.call('mediators.create', teacher, supervisor.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const edition = {
      ...shipped.reference,
      edition: '2027.1',
      mediatorBackgrounds: [...shipped.reference.mediatorBackgrounds, RETIRED_TEACHER],
    };
    const summary = await applyEdition(
      rt,
      applyMediationReferenceEdition,
      'mediationReference',
      1,
      edition,
    );
    expect(summary).toBe('调解参考数据（2027.1）');
    const created = await h.ok('mediators.create', teacher, supervisor.token);
    expect(created.background).toBe(RETIRED_TEACHER.code);
    const screens = await h.ok('mediation.reference', {}, supervisor.token);
    expect(screens.mediatorBackgrounds).toContainEqual(RETIRED_TEACHER);

    const noHotline = {
      ...edition,
      edition: '2027.2',
      disputeSources: edition.disputeSources.filter((s) => s.code !== 'hotline_12345'),
    };
    await expect(
      applyEdition(rt, applyMediationReferenceEdition, 'mediationReference', 2, noHotline),
    ).rejects.toMatchObject({
      code: 'REFERENCE_EDITION_REFUSED',
      message: '未采用县级平台第 2 版调解参考数据：纠纷来源缺少统计口径中的代码：hotline_12345',
    });
    expect((await readHeldReference(rt.db, 'mediationReference'))?.edition).toBe(1);
  });
});
