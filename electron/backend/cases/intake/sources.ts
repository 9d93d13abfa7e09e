import { z } from 'zod';
import { materialSchema, type Material } from '@shared/domain/catalogue/service-item';
import { DomainError } from '../../core/errors';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { orgScope } from '../../org/repository';

/** What a case is taken in under: an item's current version, snapshotted into the case. */
export interface ItemVersion {
  itemId: string;
  itemCode: string;
  versionId: string;
  name: string;
  type: 'instant' | 'promised';
  promisedDays: number;
  agencyAllowed: boolean;
  materials: Material[];
}

const storedMaterials = z.array(materialSchema);

export async function currentItemVersion(ctx: CallContext, itemId: string): Promise<ItemVersion> {
  const row = await ctx.rt.db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', 'v.id', 'i.current_version_id')
    .select([
      'i.id',
      'i.code',
      'i.active',
      'v.id as version_id',
      'v.name',
      'v.type',
      'v.promised_days',
      'v.agency_allowed',
      'v.materials',
    ])
    .where('i.id', '=', itemId)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', '找不到该事项');
  if (row.active !== 1) throw new DomainError('ITEM_INACTIVE', `事项“${row.name}”已停用，不能受理`);
  return {
    itemId: row.id,
    itemCode: row.code,
    versionId: row.version_id,
    name: row.name,
    type: row.type,
    promisedDays: row.promised_days,
    agencyAllowed: row.agency_allowed === 1,
    materials: storedMaterials.parse(JSON.parse(row.materials)),
  };
}

/**
 * A resident the caller may serve: one registered by the caller's unit or a unit below it, one
 * registered by this terminal's unit, or one living in a village below the caller's unit, so that a
 * village agent serves the village's residents whoever registered them.
 */
export async function residentInScope(ctx: CallContext, residentId: string) {
  const user = requireUser(ctx.actor);
  const row = await ctx.rt.db
    .selectFrom('residents')
    .select(['id', 'name', 'org_unit_id', 'village_org_id'])
    .where('id', '=', residentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', '找不到该群众档案');
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  // The terminal's unit owns the residents registered on it (residents/service.ts): its counters
  // and its villages' agency points all serve them.
  const inScope =
    scope.includes(row.org_unit_id) ||
    row.org_unit_id === ctx.rt.terminal?.orgUnitId ||
    (row.village_org_id !== null && scope.includes(row.village_org_id));
  if (!inScope) throw new DomainError('FORBIDDEN', '该群众档案不在您的管理范围内');
  return row;
}
