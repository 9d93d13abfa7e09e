import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Routing (sync/routing.ts) now lets every unit above a unit that sees a case, dispute or event
 * report read it too: a township its villages' records, as the terminal's own screens scope reads.
 * The records pushed before that rule reach those units here, as a push would have routed them:
 * each unit above gets reader access to the root and to the residents a case or dispute names, and
 * all of the root's records in its feed, at one new change number of the county, so that a
 * terminal's cursor, wherever it stands, pulls them next.
 */
const statements = [
  `CREATE TEMP TABLE added_reads (
     county_code text NOT NULL,
     root_id text NOT NULL,
     unit_id text NOT NULL,
     PRIMARY KEY (county_code, root_id, unit_id)
   ) ON COMMIT DROP`,
  `WITH RECURSIVE above (county_code, unit_id, above_id) AS (
     SELECT county_code, id, parent_id FROM org_units WHERE parent_id IS NOT NULL
     UNION
     SELECT a.county_code, a.unit_id, o.parent_id
       FROM above a
       JOIN org_units o ON o.county_code = a.county_code AND o.id = a.above_id
      WHERE o.parent_id IS NOT NULL
   )
   INSERT INTO added_reads (county_code, root_id, unit_id)
   SELECT DISTINCT v.county_code, v.root_id, a.above_id
     FROM sync_visibility v
     JOIN sync_records r ON r.county_code = v.county_code
      AND r.table_name IN ('cases', 'disputes', 'event_reports')
      AND r.record_id = v.root_id
     JOIN above a ON a.county_code = v.county_code AND a.unit_id = v.unit_id
    WHERE NOT EXISTS (
      SELECT 1 FROM sync_visibility w
       WHERE w.county_code = v.county_code AND w.root_id = v.root_id AND w.unit_id = a.above_id)`,
  // A case's applicant and a dispute's parties go with it.
  `INSERT INTO added_reads (county_code, root_id, unit_id)
   SELECT DISTINCT named.county_code, named.resident_id, named.unit_id
     FROM (
       SELECT a.county_code, r.columns ->> 'resident_id' AS resident_id, a.unit_id
         FROM added_reads a
         JOIN sync_records r ON r.county_code = a.county_code
          AND r.table_name = 'cases' AND r.record_id = a.root_id
       UNION
       SELECT a.county_code, p.columns ->> 'resident_id', a.unit_id
         FROM added_reads a
         JOIN sync_records p ON p.county_code = a.county_code AND p.root_id = a.root_id
        WHERE p.table_name = 'dispute_parties' AND NOT p.deleted
     ) named
    WHERE named.resident_id IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM sync_visibility w
         WHERE w.county_code = named.county_code AND w.root_id = named.resident_id
           AND w.unit_id = named.unit_id)
   ON CONFLICT DO NOTHING`,
  `INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
   SELECT county_code, root_id, unit_id, 'reader' FROM added_reads`,
  `UPDATE sync_sequences s SET last_seq = s.last_seq + 1
    WHERE s.county_code IN (SELECT county_code FROM added_reads)`,
  `INSERT INTO sync_feed (county_code, unit_id, table_name, record_id, seq)
   SELECT a.county_code, a.unit_id, r.table_name, r.record_id, s.last_seq
     FROM added_reads a
     JOIN sync_records r ON r.county_code = a.county_code AND r.root_id = a.root_id
     JOIN sync_sequences s ON s.county_code = a.county_code
   ON CONFLICT (county_code, unit_id, table_name, record_id) DO UPDATE SET seq = excluded.seq`,
  `DROP TABLE added_reads`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
