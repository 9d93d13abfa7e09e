import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Ids derived from a natural key, so that every terminal and the hub name the same thing alike
 * without asking anyone. They are UUID-shaped (version 8, RFC 9562's layout for custom ids) so that
 * they sit in the same columns as the UUIDv7 ids of records a terminal creates.
 */

/**
 * An org unit's id from its division code: `00000000-0000-8000-80LL-CCCCCCCCCCCC`, LL the code's
 * length and C its digits padded with zeros. The length keeps township 330324001 apart from a
 * village 330324001000; digits are valid hex, so the id reads back as the code.
 */
export function orgUnitIdFromDivisionCode(code: string): string {
  if (!/^\d{6}(\d{3}){0,2}$/.test(code)) {
    throw new Error(`not a county, township or village division code: ${code}`);
  }
  return `00000000-0000-8000-80${String(code.length).padStart(2, '0')}-${code.padEnd(12, '0')}`;
}

/** The division code an id of orgUnitIdFromDivisionCode names, or null for any other id. */
export function divisionCodeFromOrgUnitId(id: string): string | null {
  const match = /^00000000-0000-8000-80(06|09|12)-(\d{12})$/.exec(id);
  if (!match) return null;
  const code = match[2]!.slice(0, Number(match[1]));
  return match[2]!.slice(code.length).replace(/0/g, '') === '' ? code : null;
}

/**
 * A UUID-shaped id (version 8) from the SHA-256 of a namespaced natural key: the same key gives the
 * same id on every terminal and at the hub, and distinct keys practically never meet.
 */
function hashedId(namespace: string, key: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`${namespace}\u0000${key}`)).slice(0, 16));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A service item's id from the division code of the unit that issues it (the county for the
 * county's catalogue, a township for its own local items) and the item's code.
 */
export function serviceItemIdFromCode(issuingUnitCode: string, itemCode: string): string {
  return hashedId('service-item', `${issuingUnitCode}/${itemCode}`);
}

/** Version `number` (1, 2, …) of a service item, from the item's natural id. */
export function serviceItemVersionId(itemId: string, number: number): string {
  return hashedId('service-item-version', `${itemId}/${number}`);
}

/** The one mediation-settings row of a committee, from its org unit's id. */
export function mediationSettingsIdFromOrgUnit(orgUnitId: string): string {
  return hashedId('mediation-settings', orgUnitId);
}
