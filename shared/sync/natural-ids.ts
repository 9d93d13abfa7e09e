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
