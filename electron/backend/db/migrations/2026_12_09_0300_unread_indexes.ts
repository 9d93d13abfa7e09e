import { sql, type Kysely } from 'kysely';

/*
 * Frozen: every insert or update of a synced record maintains each index of its table, and the pull
 * writes hundreds of thousands of them. These indexes served no query: EXPLAIN QUERY PLAN of every
 * statement the backend's tests issue, on the generated 1/20 township, named none of them (the table
 * of readers is in bench/RESULTS.md), and none is a constraint (all foreign keys are NO ACTION, and
 * no synced record is ever deleted).
 * - The twins without the partial `deleted_at IS NULL` of cases_live_org_created,
 *   cases_live_org_state_due, disputes_live_org_registered and disputes_live_org_state_due: the
 *   lists, searches and statistics spell that term, so SQLite takes the partial index.
 * - cases_agency_org: the hand-offs are found by owner (cases_agency_owner).
 * - cases_live_org_created_count: the 工作台 counts by day and week read cases_live_org_created, its
 *   prefix, which only misses deleted_at (a row read per counted case). The list walks need
 *   cases_live_org_created: through the trailing deleted_at the walk in (created_at, rowid) order
 *   became a sort.
 * - cases_live_org_item: the walk of one item's cases reads cases_org_item, which the search by an
 *   item's name reads too (its candidates are not limited to live cases).
 * - ratings_org: the statistics read ratings_live_org_rated_count.
 * - The disputes' date indexes (accepted, concluded, performed, judicially confirmed): the
 *   mediation statistics read a unit's disputes through disputes_live_org_state_due.
 * - The parties' credit code and ID number: no search or look-up goes by them.
 * IF EXISTS, and the deferral's records cleared: opening the database builds any index a killed
 * first sync left dropped before the migrations run, so neither should be needed.
 */
const DROPPED = [
  'cases_org_created',
  'cases_org_state_due',
  'cases_agency_org',
  'cases_live_org_created_count',
  'cases_live_org_item',
  'ratings_org',
  'disputes_org_registered',
  'disputes_org_state_due',
  'disputes_org_accepted',
  'disputes_org_concluded',
  'disputes_org_performed',
  'disputes_org_confirmed',
  'dispute_parties_credit_code',
  'dispute_parties_id_number',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of DROPPED) await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
  await sql`DELETE FROM sync_deferred_indexes WHERE name IN (${sql.join(DROPPED)})`.execute(db);
}
