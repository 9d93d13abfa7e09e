import type { OrgTreeEdition, PublishOrgTreeRequest } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { HubFailure } from './failure';
import { toHubOrgUnit, type Db } from './org-units';

const LEVEL_LENGTH = { county: 6, township: 9, village: 12 } as const;
const PARENT_LEVEL = { county: null, township: 'county', village: 'township' } as const;

/** Every problem of a proposed tree, keyed by its index; empty when it can be published. */
export function checkOrgTree(
  countyCode: string,
  units: PublishOrgTreeRequest['units'],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const seen = new Set<string>();
  units.forEach((unit, index) => {
    const at = `units.${index}`;
    if (seen.has(unit.code)) problems[at] = `行政区划代码 ${unit.code} 重复`;
    seen.add(unit.code);
    if (unit.code.length !== LEVEL_LENGTH[unit.level] || !unit.code.startsWith(countyCode)) {
      problems[at] ??= `${unit.name}（${unit.code}）的代码与层级不符或不属于本县`;
      return;
    }
    const parentLevel = PARENT_LEVEL[unit.level];
    if (parentLevel === null) {
      if (unit.parentCode !== null) problems[at] ??= `县级单位 ${unit.name} 不应有上级`;
      return;
    }
    const parent = unit.parentCode === null ? undefined : byCode.get(unit.parentCode);
    if (!parent || parent.level !== parentLevel || !unit.code.startsWith(parent.code)) {
      problems[at] ??= `${unit.name}（${unit.code}）的上级单位不在本次发布的组织机构中或层级不符`;
    }
  });
  if (!byCode.has(countyCode)) problems.units = `组织机构中缺少本县（${countyCode}）`;
  return problems;
}

/**
 * Publishes a new edition of the county's org tree in one transaction: units are upserted by their
 * division-code id, units left out are retired (kept, since terminals and codes point at them), and
 * the edition number goes up by one. A publisher that did not see the latest edition is refused.
 */
export async function publishOrgTree(
  db: Db,
  countyCode: string,
  request: PublishOrgTreeRequest,
  publishedBy: string | null,
  now: Date,
): Promise<OrgTreeEdition> {
  const problems = checkOrgTree(countyCode, request.units);
  if (Object.keys(problems).length > 0) {
    throw new HubFailure('ORG_TREE_INVALID', Object.values(problems)[0], { fields: problems });
  }
  return db.transaction().execute(async (trx) => {
    // The county row is the lock: two publishers of one county take turns.
    await trx
      .selectFrom('counties')
      .select('county_code')
      .where('county_code', '=', countyCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const latest = await latestEditionNumber(trx, countyCode);
    if (request.baseEdition !== latest) throw new HubFailure('ORG_TREE_EDITION_STALE');
    const edition = latest + 1;
    // Parents first, so that each row's parent exists when it is written.
    const ordered = [...request.units].sort((a, b) => a.code.length - b.code.length);
    for (const unit of ordered) {
      const row = {
        county_code: countyCode,
        id: orgUnitIdFromDivisionCode(unit.code),
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parent_id: unit.parentCode === null ? null : orgUnitIdFromDivisionCode(unit.parentCode),
        retired_at: null,
      };
      await trx
        .insertInto('org_units')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['county_code', 'id']).doUpdateSet({
            name: row.name,
            level: row.level,
            parent_id: row.parent_id,
            retired_at: null,
          }),
        )
        .execute();
    }
    await trx
      .updateTable('org_units')
      .set({ retired_at: now })
      .where('county_code', '=', countyCode)
      .where('retired_at', 'is', null)
      .where(
        'code',
        'not in',
        request.units.map((unit) => unit.code),
      )
      .execute();
    const county = request.units.find((unit) => unit.code === countyCode)!;
    await trx
      .updateTable('counties')
      .set({ name: county.name })
      .where('county_code', '=', countyCode)
      .execute();
    await trx
      .insertInto('org_tree_editions')
      .values({
        county_code: countyCode,
        edition,
        published_at: now,
        published_by_terminal_id: publishedBy,
        unit_count: request.units.length,
      })
      .execute();
    return (await latestOrgTree(trx, countyCode))!;
  });
}

async function latestEditionNumber(db: Db, countyCode: string): Promise<number> {
  const row = await db
    .selectFrom('org_tree_editions')
    .select((eb) => eb.fn.max('edition').as('edition'))
    .where('county_code', '=', countyCode)
    .executeTakeFirst();
  return row?.edition ?? 0;
}

/** The county's current tree, or null before its first edition. */
export async function latestOrgTree(db: Db, countyCode: string): Promise<OrgTreeEdition | null> {
  const edition = await db
    .selectFrom('org_tree_editions')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!edition) return null;
  const units = await db
    .selectFrom('org_units')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
  return {
    countyCode,
    edition: edition.edition,
    publishedAt: edition.published_at.toISOString(),
    units: units.map(toHubOrgUnit),
  };
}
