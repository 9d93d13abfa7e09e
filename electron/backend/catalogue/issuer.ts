import { DomainError } from '../core/errors';
import type { Db } from '../db/queryable';
import { findOrgUnit } from '../org/repository';
import { getSetting } from '../settings/service';

/**
 * Who issues a service item (its natural key is the issuer's division code and the item's code):
 * the county for the county's catalogue — what the terminal shipped with, until the county's first
 * edition arrives, then that edition — and the terminal's own unit for an item it adds itself. At the
 * county centre both are the county.
 */
export interface Issuers {
  /** The division code of this terminal's unit. */
  own: string;
  /** Its county's: the first 6 digits. */
  county: string;
}

export async function terminalIssuers(db: Db, orgUnitId: string): Promise<Issuers> {
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit) throw new DomainError('SETUP_REQUIRED', '本终端尚未完成初始设置');
  return { own: unit.code, county: unit.code.slice(0, 6) };
}

/** Issued by the county: a township's or village's own items have a longer code. */
export function isCountyIssuer(issuerCode: string): boolean {
  return issuerCode.length === 6;
}

/**
 * An item may be changed only where it is issued. A terminal that has not joined the county hub is
 * its own authority, as it was before the hub existed: nobody else can publish its catalogue, so its
 * shipped items stay editable there until it joins (its edits then give way to the county's editions).
 */
export async function catalogueAuthority(db: Db, issuers: Issuers) {
  const joined = (await getSetting(db, 'hub_terminal_id')) !== null;
  return (issuerCode: string): boolean =>
    issuerCode === '' || issuerCode === issuers.own || (!joined && isCountyIssuer(issuerCode));
}

export function ensureIssuedHere(
  item: { issuer_code: string; code: string },
  mayChange: (issuerCode: string) => boolean,
): void {
  if (mayChange(item.issuer_code)) return;
  if (isCountyIssuer(item.issuer_code)) {
    throw new DomainError(
      'CATALOGUE_COUNTY_ITEM',
      `事项“${item.code}”由县级统一发布，只能由县级中心修改；本单位可以新增自己的事项`,
    );
  }
  throw new DomainError('FORBIDDEN', `事项“${item.code}”由其他单位发布，本单位不能修改`);
}
