import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a service item's natural key is its code and the division code of the unit that issues it
 * (issue 14): the county for the county's catalogue, a township or the county centre for an item it
 * adds itself. Items set up before this migration come from the catalogue the app shipped (issued by
 * the county: the first 6 digits of the holding unit's code) or were added by the terminal's unit.
 * Ids are not re-keyed here: a terminal that joins the hub does that once, with a backup first.
 *
 * Codes stay unique per issuer, so that a county item and a township's own item that happen to share
 * a code can both be kept (the county's wins the code in look-ups by code).
 */
const SHIPPED_CODES = Array.from(
  { length: 42 },
  (_, index) => `ZJ-XZ-${String(index + 1).padStart(4, '0')}`,
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE service_items ADD COLUMN issuer_code TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE service_items SET issuer_code = (
      SELECT CASE WHEN upper(service_items.code) IN (${sql.join(SHIPPED_CODES)})
        THEN substr(u.code, 1, 6) ELSE u.code END
      FROM org_units u WHERE u.id = service_items.org_unit_id)
    WHERE EXISTS (SELECT 1 FROM org_units u WHERE u.id = service_items.org_unit_id)`.execute(db);
  await sql`DROP INDEX service_items_code`.execute(db);
  await sql`CREATE UNIQUE INDEX service_items_code ON service_items(issuer_code, code)
    WHERE deleted_at IS NULL`.execute(db);
}
