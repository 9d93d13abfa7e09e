import type { DisputeState } from '@shared/domain/mediation/workflow';
import type { Db } from '../../db/queryable';

/** A mediator's load: cases not yet concluded. */
const OPEN_STATES: readonly DisputeState[] = ['registered', 'accepted', 'mediating'];

export async function findMediator(db: Db, mediatorId: string) {
  return db
    .selectFrom('mediators')
    .selectAll()
    .where('id', '=', mediatorId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The roster entry linked to a user account, if the person is on a roster. */
export async function mediatorOfAccount(db: Db, userId: string) {
  return db
    .selectFrom('mediators')
    .selectAll()
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export type MediatorRow = NonNullable<Awaited<ReturnType<typeof findMediator>>>;

export async function mediatorsOf(db: Db, orgUnitIds: readonly string[], includeInactive: boolean) {
  let query = db
    .selectFrom('mediators')
    .selectAll()
    .where('org_unit_id', 'in', orgUnitIds)
    .where('deleted_at', 'is', null);
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('name').execute();
}

/** Open cases per mediator, counted on the cases their committee still owns. */
export async function openCaseCounts(
  db: Db,
  mediatorIds: readonly string[],
): Promise<Map<string, number>> {
  if (mediatorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('dispute_mediators as dm')
    .innerJoin('disputes as d', 'd.id', 'dm.dispute_id')
    .innerJoin('mediators as m', 'm.id', 'dm.mediator_id')
    .select(['dm.mediator_id', (eb) => eb.fn.countAll<number>().as('open')])
    .where('dm.mediator_id', 'in', mediatorIds)
    .where('dm.deleted_at', 'is', null)
    .where('d.deleted_at', 'is', null)
    .where('d.state', 'in', OPEN_STATES)
    .whereRef('d.org_unit_id', '=', 'm.org_unit_id')
    .groupBy('dm.mediator_id')
    .execute();
  return new Map(rows.map((row) => [row.mediator_id, Number(row.open)]));
}

/** The current team of a case, lead first. */
export async function teamOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_mediators as dm')
    .innerJoin('mediators as m', 'm.id', 'dm.mediator_id')
    .select([
      'dm.id',
      'dm.version',
      'dm.mediator_id',
      'dm.role',
      'm.name',
      'm.background',
      'm.active',
      'm.org_unit_id',
    ])
    .where('dm.dispute_id', '=', disputeId)
    .where('dm.deleted_at', 'is', null)
    .orderBy((eb) => eb.case().when('dm.role', '=', 'lead').then(0).else(1).end())
    .orderBy('dm.created_at')
    .execute();
}
