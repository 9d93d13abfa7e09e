import type { Db } from '../db/queryable';

export async function findDraft(db: Db, userId: string, formKey: string) {
  return db
    .selectFrom('form_drafts')
    .select(['data', 'updated_at'])
    .where('user_id', '=', userId)
    .where('form_key', '=', formKey)
    .executeTakeFirst();
}

export async function putDraft(
  db: Db,
  row: { userId: string; formKey: string; data: string; updatedAt: string },
): Promise<void> {
  await db
    .insertInto('form_drafts')
    .values({
      user_id: row.userId,
      form_key: row.formKey,
      data: row.data,
      updated_at: row.updatedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'form_key'])
        .doUpdateSet({ data: row.data, updated_at: row.updatedAt }),
    )
    .execute();
}

export async function deleteDraft(db: Db, userId: string, formKey: string): Promise<boolean> {
  const result = await db
    .deleteFrom('form_drafts')
    .where('user_id', '=', userId)
    .where('form_key', '=', formKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
