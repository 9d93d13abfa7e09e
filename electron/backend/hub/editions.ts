import type { EditionKind } from '@shared/api';
import type { Db } from '../db/queryable';

export interface AppliedEdition {
  kind: EditionKind;
  edition: number;
  publishedAt: string | null;
  appliedAt: string;
  summary: string;
}

export async function readAppliedEditions(db: Db): Promise<Map<EditionKind, AppliedEdition>> {
  const rows = await db.selectFrom('reference_editions').selectAll().execute();
  return new Map(
    rows.map((row) => [
      row.kind as EditionKind,
      {
        kind: row.kind as EditionKind,
        edition: row.edition,
        publishedAt: row.published_at,
        appliedAt: row.applied_at,
        summary: row.summary,
      },
    ]),
  );
}

/** The edition of a kind this terminal holds (applied, or published by this county centre); 0 for none. */
export async function heldEdition(db: Db, kind: EditionKind): Promise<number> {
  const row = await db
    .selectFrom('reference_editions')
    .select('edition')
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.edition ?? 0;
}

/** In the transaction that applied the edition: recorded if and only if it was applied. */
export async function recordAppliedEdition(db: Db, applied: AppliedEdition): Promise<void> {
  const values = {
    edition: applied.edition,
    published_at: applied.publishedAt,
    applied_at: applied.appliedAt,
    summary: applied.summary,
  };
  await db
    .insertInto('reference_editions')
    .values({ kind: applied.kind, ...values })
    .onConflict((oc) => oc.column('kind').doUpdateSet(values))
    .execute();
}
