import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import {
  mediationSettingsIdFromOrgUnit,
  orgUnitIdFromDivisionCode,
  serviceItemIdFromCode,
  serviceItemVersionId,
} from '@shared/sync/natural-ids';
import shipped from '../../../../resources/service-catalogue.json';
import { DomainError } from '../../core/errors';
import type { Db } from '../../db/queryable';
import type { RepointKind } from './targets';

/** Old id → natural id, for every row of the four kinds whose id is not natural yet. */
export interface RematchPlan {
  ids: Map<string, string>;
  counts: Record<RepointKind, number>;
}

export interface RematchKeys {
  /** The county's division code: the issuer of its catalogue's items. */
  countyCode: string;
  /** This terminal's own unit: the issuer of every other item. */
  ownCode: string;
  /**
   * The item codes of the county's catalogue: its latest edition on the hub, or the shipped file
   * when the county has published none (what a standalone terminal loaded at setup).
   */
  countyItemCodes: ReadonlySet<string>;
}

let shippedCodes: ReadonlySet<string> | null = null;

/** The codes of resources/service-catalogue.json, parsed on first use as the seed parses it. */
export function shippedCatalogueCodes(): ReadonlySet<string> {
  shippedCodes ??= new Set(
    serviceCatalogueFileSchema.parse(shipped).items.map((item) => item.code),
  );
  return shippedCodes;
}

const DIVISION_CODE = /^\d{6}(\d{3}){0,2}$/;

/** Tombstones too: a row a record still points at keeps being found under its new id. */
export async function planRematch(db: Db, keys: RematchKeys): Promise<RematchPlan> {
  const ids = new Map<string, string>();
  const counts: Record<RepointKind, number> = {
    orgUnit: 0,
    serviceItem: 0,
    serviceItemVersion: 0,
    mediationSettings: 0,
  };
  const taken = new Map<string, string>();
  const map = (kind: RepointKind, id: string, natural: string, label: string) => {
    const other = taken.get(natural);
    if (other !== undefined)
      throw new DomainError(
        'HUB_REMATCH_CONFLICT',
        `本机有两条记录对应同一个县级平台编码（${other}、${label}），无法按统一编码整理，未连接县级平台，本机数据未作改动。请联系技术支持`,
      );
    taken.set(natural, label);
    if (natural === id) return;
    ids.set(id, natural);
    counts[kind] += 1;
  };

  const units = await db.selectFrom('org_units').select(['id', 'code', 'name']).execute();
  for (const unit of units) {
    // Setup checks codes; a unit that somehow has none keeps its id rather than blocking the join.
    if (DIVISION_CODE.test(unit.code))
      map('orgUnit', unit.id, orgUnitIdFromDivisionCode(unit.code), `单位 ${unit.name}`);
  }

  const items = await db.selectFrom('service_items').select(['id', 'code', 'name']).execute();
  for (const item of items) {
    const ofCounty = serviceItemIdFromCode(keys.countyCode, item.code);
    const ofOwn = serviceItemIdFromCode(keys.ownCode, item.code);
    // Natural already under either issuer: an item keeps its identity once it has one, even if
    // the county later takes a township's local code into its catalogue.
    const natural =
      item.id === ofCounty || item.id === ofOwn
        ? item.id
        : keys.countyItemCodes.has(item.code)
          ? ofCounty
          : ofOwn;
    map('serviceItem', item.id, natural, `事项 ${item.code} ${item.name}`);
  }

  const versions = await db
    .selectFrom('service_item_versions')
    .select(['id', 'item_id', 'number'])
    .execute();
  for (const version of versions) {
    const itemId = ids.get(version.item_id) ?? version.item_id;
    map(
      'serviceItemVersion',
      version.id,
      serviceItemVersionId(itemId, version.number),
      `事项版本 ${version.id}`,
    );
  }

  const settings = await db
    .selectFrom('mediation_settings')
    .select(['id', 'org_unit_id'])
    .execute();
  for (const row of settings) {
    const unitId = ids.get(row.org_unit_id) ?? row.org_unit_id;
    map('mediationSettings', row.id, mediationSettingsIdFromOrgUnit(unitId), `调解设置 ${row.id}`);
  }
  return { ids, counts };
}
