import type { ReferenceKind } from '@shared/sync/reference-contract';
import type { Db } from '../db/queryable';

/** What this terminal holds of one kind of the county's reference data. */
export interface HeldReference {
  edition: number;
  editionLabel: string | null;
  payload: string | null;
  appliedAt: string;
}

export async function readHeldReference(
  db: Db,
  kind: ReferenceKind,
): Promise<HeldReference | null> {
  const row = await db
    .selectFrom('reference_data')
    .selectAll()
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row
    ? {
        edition: row.edition,
        editionLabel: row.edition_label,
        payload: row.payload,
        appliedAt: row.applied_at,
      }
    : null;
}

/** Records an edition applied or published here, with its payload for the lists kept here. */
export async function recordHeldReference(
  db: Db,
  kind: ReferenceKind,
  held: HeldReference,
): Promise<void> {
  const values = {
    edition: held.edition,
    edition_label: held.editionLabel,
    payload: held.payload,
    applied_at: held.appliedAt,
  };
  await db
    .insertInto('reference_data')
    .values({ kind, ...values })
    .onConflict((conflict) => conflict.column('kind').doUpdateSet(values))
    .execute();
}
