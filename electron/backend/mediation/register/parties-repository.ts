import type { Db } from '../../db/queryable';

export async function partiesOf(db: Db, disputeId: string) {
  return db
    .selectFrom('dispute_parties')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

export type PartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

export async function findParty(db: Db, partyId: string) {
  return db
    .selectFrom('dispute_parties')
    .selectAll()
    .where('id', '=', partyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The resident register, read directly: a linked party copies its particulars from it. */
export async function findResident(db: Db, residentId: string) {
  return db
    .selectFrom('residents')
    .select([
      'id',
      'doc_type',
      'doc_number',
      'name',
      'gender',
      'birth_date',
      'phone',
      'address',
      'ethnicity',
    ])
    .where('id', '=', residentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The disputes a resident is a party to, newest first (一人一档). */
export async function disputeIdsOfResident(db: Db, residentId: string) {
  return db
    .selectFrom('dispute_parties')
    .select(['dispute_id', 'role'])
    .where('resident_id', '=', residentId)
    .where('deleted_at', 'is', null)
    .execute();
}
