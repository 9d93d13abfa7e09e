import type { EventReport, MethodParsedInput } from '@shared/api';
import type { ReferenceEntry } from '@shared/domain/catalogue/mediation-reference';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import { DomainError } from '../core/errors';
import { requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import type { Database } from '../db/schema';
import { orgScope } from '../org/repository';
import { actorName } from '../mediation/dispute/actor';
import { ensureCode, mediationReference, referenceLabel } from '../mediation/dispute/reference';
import { insertSynced, updateSynced } from '../core/synced-writes';
import {
  attachmentsOfReports,
  findEventReport,
  listEventReports,
  type EventReportRow,
} from './repository';

// What other domains use of this domain besides its use cases (docs/architecture.md, "Boundaries").
export { countReported, countUnacknowledged } from './repository';

type Trx = Transaction<Database>;

interface NewEventReport {
  fromOrgId: string;
  category: string;
  urgency: 'normal' | 'urgent' | 'critical';
  title: string;
  description: string;
  occurredOn: string | null;
  place: string | null;
  peopleInvolved: number | null;
  reporterName: string;
  disputeId: string | null;
}

/** The level above the reporting unit; a unit at the top (the county centre) receives its own. */
async function receivingOrgOf(db: Kysely<Database> | Trx, orgUnitId: string) {
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'parent_id'])
    .where('id', '=', orgUnitId)
    .executeTakeFirstOrThrow();
  if (!unit.parent_id) return { id: unit.id, name: unit.name };
  const parent = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', '=', unit.parent_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return parent ?? { id: unit.id, name: unit.name };
}

/** Files a report inside the caller's transaction (the 重大 registration files one with the case). */
export async function fileEventReport(
  trx: Trx,
  stamp: ChangeStamp,
  report: NewEventReport,
): Promise<{ id: string; receivingOrgId: string; receivingOrgName: string }> {
  const receiving = await receivingOrgOf(trx, report.fromOrgId);
  const id = await insertSynced(trx, stamp, 'event_reports', report.fromOrgId, {
    receiving_org_id: receiving.id,
    category: report.category,
    urgency: report.urgency,
    title: report.title,
    description: report.description,
    occurred_on: report.occurredOn,
    place: report.place,
    people_involved: report.peopleInvolved,
    reporter_id: stamp.actor.userId,
    reporter_name: report.reporterName,
    reported_at: stamp.stamper.nowIso(),
    dispute_id: report.disputeId,
    acknowledged_at: null,
    acknowledged_by: null,
    acknowledged_by_name: null,
    acknowledgement_note: null,
  });
  await appendAudit(trx, stamp.stamper.nowIso(), stamp.actor, stamp.terminal.terminalId, {
    action: 'eventReports.create',
    objectType: 'event_report',
    objectId: id,
    detail: `${report.title} → ${receiving.name}`,
  });
  return { id, receivingOrgId: receiving.id, receivingOrgName: receiving.name };
}

type ReportAttachment = EventReport['attachments'][number];

function toView(
  row: EventReportRow,
  callerOrgId: string,
  attachments: readonly ReportAttachment[],
  categories: readonly ReferenceEntry[],
): EventReport {
  const unacknowledged = row.acknowledged_at === null;
  return {
    id: row.id,
    category: row.category,
    categoryLabel: referenceLabel(categories, row.category),
    urgency: row.urgency,
    title: row.title,
    description: row.description,
    occurredOn: row.occurred_on,
    place: row.place,
    peopleInvolved: row.people_involved,
    reporterName: row.reporter_name,
    reportedAt: row.reported_at,
    fromOrgId: row.org_unit_id,
    fromOrgName: row.from_name,
    receivingOrgId: row.receiving_org_id,
    receivingOrgName: row.receiving_name,
    disputeId: row.dispute_id,
    disputeCaseNo: row.case_no,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedByName: row.acknowledged_by_name,
    acknowledgementNote: row.acknowledgement_note,
    attachments: [...attachments],
    canAcknowledge: row.receiving_org_id === callerOrgId && unacknowledged,
    canAttach: row.org_unit_id === callerOrgId && unacknowledged,
  };
}

/** The views of the rows with their attachments, read in one query for a whole page. */
async function viewsOf(
  ctx: CallContext,
  rows: readonly EventReportRow[],
  callerOrgId: string,
): Promise<EventReport[]> {
  const files = await attachmentsOfReports(
    ctx.rt.db,
    rows.map((row) => row.id),
  );
  const byReport = new Map<string, ReportAttachment[]>();
  for (const file of files) {
    const list = byReport.get(file.event_report_id!) ?? [];
    list.push({
      id: file.id,
      fileName: file.file_name,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
    });
    byReport.set(file.event_report_id!, list);
  }
  const categories = (await mediationReference(ctx.rt)).eventReportCategories;
  return rows.map((row) => toView(row, callerOrgId, byReport.get(row.id) ?? [], categories));
}

/** The sender, the receiver and the units above either read a report. */
export async function readableReport(ctx: CallContext, id: string): Promise<EventReportRow> {
  const user = requireUser(ctx.actor);
  const row = await findEventReport(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该事件报告');
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  if (!scope.includes(row.org_unit_id) && !scope.includes(row.receiving_org_id)) {
    throw new DomainError('FORBIDDEN', '该事件报告不属于本单位，无权查看');
  }
  return row;
}

export async function createEventReport(
  ctx: CallContext,
  input: MethodParsedInput<'eventReports.create'>,
): Promise<EventReport> {
  const user = requireUser(ctx.actor);
  ensureCode(
    (await mediationReference(ctx.rt)).eventReportCategories,
    input.category,
    'category',
    '事件类别',
  );
  if (input.disputeId) {
    const dispute = await ctx.rt.db
      .selectFrom('disputes')
      .select('org_unit_id')
      .where('id', '=', input.disputeId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (dispute?.org_unit_id !== user.orgUnitId) {
      throw new DomainError('FORBIDDEN', '只能为本单位承办的纠纷案件报送事件');
    }
  }
  const reporterName = await actorName(ctx);
  const stamp = stampOf(ctx);
  const filed = await ctx.rt.db.transaction().execute((trx) =>
    fileEventReport(trx, stamp, {
      fromOrgId: user.orgUnitId,
      category: input.category,
      urgency: input.urgency,
      title: input.title,
      description: input.description,
      occurredOn: input.occurredOn,
      place: input.place,
      peopleInvolved: input.peopleInvolved,
      reporterName,
      disputeId: input.disputeId,
    }),
  );
  return getEventReport(ctx, filed.id);
}

export async function getEventReport(ctx: CallContext, id: string): Promise<EventReport> {
  const [view] = await viewsOf(
    ctx,
    [await readableReport(ctx, id)],
    requireUser(ctx.actor).orgUnitId,
  );
  return view!;
}

export async function listReports(
  ctx: CallContext,
  input: MethodParsedInput<'eventReports.list'>,
): Promise<{ rows: EventReport[]; total: number }> {
  const user = requireUser(ctx.actor);
  const { rows, total } = await listEventReports(
    ctx.rt.db,
    { box: input.box, orgUnitId: user.orgUnitId, unacknowledgedOnly: input.unacknowledgedOnly },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return { rows: await viewsOf(ctx, rows, user.orgUnitId), total };
}

/** 签收 by the receiving unit, once. */
export async function acknowledgeReport(
  ctx: CallContext,
  input: MethodParsedInput<'eventReports.acknowledge'>,
): Promise<EventReport> {
  const user = requireUser(ctx.actor);
  const row = await readableReport(ctx, input.eventReportId);
  if (row.receiving_org_id !== user.orgUnitId) {
    throw new DomainError('FORBIDDEN', '只有接收单位才能签收事件报告');
  }
  if (row.acknowledged_at) {
    throw new DomainError('ALREADY_ACKNOWLEDGED', `该事件报告已由${row.acknowledged_by_name}签收`);
  }
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'event_reports', row, {
      acknowledged_at: stamp.stamper.nowIso(),
      acknowledged_by: user.userId,
      acknowledged_by_name: name,
      acknowledgement_note: input.note,
    });
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'eventReports.acknowledge',
      objectType: 'event_report',
      objectId: row.id,
      detail: row.title,
    });
  });
  return getEventReport(ctx, row.id);
}
