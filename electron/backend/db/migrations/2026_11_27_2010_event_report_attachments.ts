import { sql, type Kysely } from 'kysely';

/*
 * Frozen: photos and scans sent with an event report (事件报告) are attachments like a case material's,
 * content-addressed by SHA-256; a row belongs to a case material or to an event report.
 */
const statements = [
  `ALTER TABLE attachments ADD COLUMN event_report_id TEXT REFERENCES event_reports(id)`,
  `CREATE INDEX attachments_event_report ON attachments(event_report_id)
     WHERE event_report_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
