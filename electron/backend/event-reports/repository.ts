import type { Db } from '../db/queryable';

function withNames(db: Db) {
  return db
    .selectFrom('event_reports as e')
    .innerJoin('org_units as f', 'f.id', 'e.org_unit_id')
    .innerJoin('org_units as r', 'r.id', 'e.receiving_org_id')
    .leftJoin('disputes as d', 'd.id', 'e.dispute_id')
    .selectAll('e')
    .select(['f.name as from_name', 'r.name as receiving_name', 'd.case_no'])
    .where('e.deleted_at', 'is', null);
}

export type EventReportRow = Awaited<
  ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>
>;

export async function findEventReport(db: Db, id: string) {
  return withNames(db).where('e.id', '=', id).executeTakeFirst();
}

interface EventReportFilter {
  box: 'received' | 'sent';
  orgUnitId: string;
  unacknowledgedOnly: boolean;
}

export async function listEventReports(
  db: Db,
  filter: EventReportFilter,
  limit: number,
  offset: number,
): Promise<{ rows: EventReportRow[]; total: number }> {
  const column = filter.box === 'received' ? 'e.receiving_org_id' : 'e.org_unit_id';
  let query = withNames(db).where(column, '=', filter.orgUnitId);
  if (filter.unacknowledgedOnly) query = query.where('e.acknowledged_at', 'is', null);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('e.reported_at', 'desc').limit(limit).offset(offset).execute();
  return { rows, total: Number(total) };
}

export async function countUnacknowledged(db: Db, orgUnitId: string): Promise<number> {
  const { total } = await db
    .selectFrom('event_reports')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('receiving_org_id', '=', orgUnitId)
    .where('acknowledged_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** Event reports of units in scope within a period, for the statement beside the statistics. */
export async function countReported(
  db: Db,
  orgUnitIds: readonly string[],
  fromIso: string,
  toIso: string,
): Promise<number> {
  const { total } = await db
    .selectFrom('event_reports')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('org_unit_id', 'in', orgUnitIds)
    .where('reported_at', '>=', fromIso)
    .where('reported_at', '<', toIso)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** The files of the given reports, oldest first within each. */
export async function attachmentsOfReports(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'event_report_id', 'file_name', 'mime', 'size', 'sha256'])
    .where('event_report_id', 'in', reportIds)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findReportAttachment(db: Db, attachmentId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('event_report_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The same content already sent with this report: attaching it again adds nothing. */
export async function findOnReport(db: Db, reportId: string, sha256: string) {
  return db
    .selectFrom('attachments')
    .select('id')
    .where('event_report_id', '=', reportId)
    .where('sha256', '=', sha256)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
