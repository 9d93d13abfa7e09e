import type { Kysely, Selectable } from 'kysely';
import type { HubOrgUnit } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import type { HubDatabase, OrgUnitsTable } from './db/schema';

export type Db = Kysely<HubDatabase>;

export function toHubOrgUnit(row: Selectable<OrgUnitsTable>): HubOrgUnit {
  return { id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id };
}

export async function findOrgUnitByCode(db: Db, countyCode: string, code: string) {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('code', '=', code)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function findOrgUnitById(db: Db, countyCode: string, id: string) {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The county and its centre's org unit, created on the hub's first start. Its name is the operator's
 * until the county publishes an org tree, whose entry for the county then wins.
 */
export async function ensureCounty(db: Db, countyCode: string, name: string): Promise<HubOrgUnit> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counties')
      .values({ county_code: countyCode, name })
      .onConflict((oc) => oc.column('county_code').doNothing())
      .execute();
    await trx
      .insertInto('org_units')
      .values({
        county_code: countyCode,
        id: orgUnitIdFromDivisionCode(countyCode),
        code: countyCode,
        name,
        level: 'county',
        parent_id: null,
      })
      .onConflict((oc) => oc.columns(['county_code', 'id']).doNothing())
      .execute();
    const unit = await findOrgUnitById(trx, countyCode, orgUnitIdFromDivisionCode(countyCode));
    return toHubOrgUnit(unit!);
  });
}

export async function countyName(db: Db, countyCode: string): Promise<string> {
  const row = await db
    .selectFrom('counties')
    .select('name')
    .where('county_code', '=', countyCode)
    .executeTakeFirstOrThrow();
  return row.name;
}
