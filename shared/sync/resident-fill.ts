/*
 * What a resident record merged away by document (issue 15, one person, one record) leaves to its
 * survivor, by one rule the hub (upstream/src/sync/resident-merge.ts) and the terminals
 * (electron/backend/hub/pull/resident-merge.ts) apply alike, so that whichever merges first, every
 * copy ends the same.
 *
 * The columns are facts about the person that one registration may simply have left out: a phone
 * number the village took down and the township did not, the address, the village the person lives
 * in, ethnicity, and the gender and birth date a non-ID document does not state. Each is taken only
 * where the survivor has none: a value the survivor holds was typed in by someone, and which of two
 * differing values is right is not for a merge to decide. Not the name (always set, a different
 * spelling is not a missing one), nor what names the record (document, owner unit) or is derived
 * (initials, sync columns).
 */

export const FILLED_FROM_LOSER = [
  'phone',
  'address',
  'village_org_id',
  'ethnicity',
  'gender',
  'birth_date',
] as const;

type Value = string | number | null | undefined;

const empty = (value: Value) => value === null || value === undefined || value === '';

/** The columns the survivor takes from the loser: set there, empty on the survivor. */
export function fillFromLoser(
  survivor: Readonly<Record<string, Value>>,
  loser: Readonly<Record<string, Value>>,
): Record<string, string | number> {
  const fill: Record<string, string | number> = {};
  for (const column of FILLED_FROM_LOSER) {
    const value = loser[column];
    if (empty(survivor[column]) && !empty(value)) fill[column] = value!;
  }
  return fill;
}
