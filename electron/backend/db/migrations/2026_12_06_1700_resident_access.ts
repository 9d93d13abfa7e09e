import { sql, type Kysely } from 'kysely';

/*
 * Frozen: which village-level units may see which residents (issue 11 item 2), kept by triggers so
 * that every write path, the sync included, keeps it true. A unit sees a resident who lives in it
 * (`lives`) or whom it filed an agency case for (`filed`). The scope was one subquery gathering the
 * village's residents and every agency case it ever filed: 60 000 rowids at ten years, 0.3–0.6 s a
 * page. With this table a list walks one unit's entries in rowid order, and a search tests each
 * candidate with one primary-key probe per unit, so a page reads what it shows.
 *
 * A tombstoned resident keeps its entries (the queries test deleted_at on what they return); a
 * tombstoned case keeps its `filed`: the village did file, and the filing stays in its records.
 * residents_village served only the old subquery.
 */
const statements = [
  `CREATE TABLE resident_access (
    unit_id TEXT NOT NULL,
    resident_rowid INTEGER NOT NULL,
    lives INTEGER NOT NULL DEFAULT 0,
    filed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, resident_rowid)
  ) WITHOUT ROWID`,
  `CREATE TRIGGER resident_access_lives_insert AFTER INSERT ON residents
    WHEN NEW.village_org_id IS NOT NULL
  BEGIN
    INSERT INTO resident_access (unit_id, resident_rowid, lives) VALUES (NEW.village_org_id, NEW.rowid, 1)
      ON CONFLICT (unit_id, resident_rowid) DO UPDATE SET lives = 1;
  END`,
  `CREATE TRIGGER resident_access_lives_move AFTER UPDATE OF village_org_id ON residents
    WHEN OLD.village_org_id IS NOT NEW.village_org_id
  BEGIN
    DELETE FROM resident_access
      WHERE unit_id = OLD.village_org_id AND resident_rowid = OLD.rowid AND filed = 0;
    UPDATE resident_access SET lives = 0
      WHERE unit_id = OLD.village_org_id AND resident_rowid = OLD.rowid;
    INSERT INTO resident_access (unit_id, resident_rowid, lives)
      SELECT NEW.village_org_id, NEW.rowid, 1 WHERE NEW.village_org_id IS NOT NULL
      ON CONFLICT (unit_id, resident_rowid) DO UPDATE SET lives = 1;
  END`,
  `CREATE TRIGGER resident_access_filed AFTER INSERT ON cases
    WHEN NEW.agency_org_id IS NOT NULL
  BEGIN
    INSERT INTO resident_access (unit_id, resident_rowid, filed)
      SELECT NEW.agency_org_id, rowid, 1 FROM residents WHERE id = NEW.resident_id
      ON CONFLICT (unit_id, resident_rowid) DO UPDATE SET filed = 1;
  END`,
  `INSERT INTO resident_access (unit_id, resident_rowid, lives)
    SELECT village_org_id, rowid, 1 FROM residents WHERE village_org_id IS NOT NULL`,
  `INSERT INTO resident_access (unit_id, resident_rowid, filed)
    SELECT DISTINCT c.agency_org_id, r.rowid, 1 FROM cases c JOIN residents r ON r.id = c.resident_id
      WHERE c.agency_org_id IS NOT NULL
    ON CONFLICT (unit_id, resident_rowid) DO UPDATE SET filed = 1`,
  `DROP INDEX residents_village`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
