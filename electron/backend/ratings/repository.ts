import type { Db } from '../db/queryable';

export async function ratingOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('ratings')
    .select('id')
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

function followupQuery(db: Db) {
  return db
    .selectFrom('rating_followups as f')
    .innerJoin('ratings as r', 'r.id', 'f.rating_id')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .leftJoin('users as u', 'u.id', 'f.callback_by')
    .where('f.deleted_at', 'is', null);
}

const followupColumns = [
  'f.id',
  'f.org_unit_id',
  'f.case_id',
  'f.due_date',
  'f.state',
  'f.callback_at',
  'f.callback_note',
  'f.rectification',
  'f.version',
  'c.case_no',
  'c.item_name',
  'c.applicant_name',
  'r.level',
  'r.comment',
  'r.rated_at',
  'u.display_name as callback_by_name',
] as const;

export type FollowupRow = NonNullable<Awaited<ReturnType<typeof findFollowup>>>;

export async function findFollowup(db: Db, id: string) {
  return followupQuery(db).select(followupColumns).where('f.id', '=', id).executeTakeFirst();
}

/** Open ones first, each group by due date: what needs a call soonest heads the list. */
export function followupPageQuery(
  db: Db,
  scope: readonly string[],
  state: 'open' | 'done' | undefined,
) {
  let filtered = followupQuery(db).where('f.org_unit_id', 'in', scope);
  if (state) filtered = filtered.where('f.state', '=', state);
  return filtered;
}

export async function listFollowups(
  db: Db,
  scope: readonly string[],
  state: 'open' | 'done' | undefined,
  limit: number,
  offset: number,
) {
  const filtered = followupPageQuery(db, scope, state);
  const rows = await filtered
    .select(followupColumns)
    .orderBy('f.state', 'desc')
    .orderBy('f.due_date')
    .orderBy('f.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await filtered
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total };
}
