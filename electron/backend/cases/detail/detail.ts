import type { CaseDetail } from '@shared/api/methods/cases';
import { shanghaiDate, yearOf } from '@shared/domain/calendar/plain-date';
import { missingYearsMessage, type HolidayCalendar } from '@shared/domain/calendar/working-days';
import {
  availableActions,
  caseStateSchema,
  type CaseState,
} from '@shared/domain/cases/case-workflow';
import { ratingLevelSchema } from '@shared/domain/cases/rating';
import { materialFormSchema } from '@shared/domain/catalogue/service-item';
import { documentTypeSchema } from '@shared/domain/identity/documents';
import { maskDocument, maskPhone } from '@shared/domain/privacy/masking';
import { calendarOf } from '../../calendar/service';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { visibleCase } from '../access';
import { caseDeadline } from '../workflow/clock';
import {
  findApplicant,
  findItemFacts,
  findOrgNames,
  findParentName,
  findRating,
  listCaseAttachments,
  printCounts,
} from './detail-repository';
import { findUserNames, listEvents, listMaterials, stateOf, type CaseRow } from '../repository';

function present(values: readonly (string | null)[]): string[] {
  return values.filter((value): value is string => value !== null);
}

/** Set when a date of the case, or a day its deadline is counted over, has no holiday schedule. */
function warning(row: CaseRow, calendar: HolidayCalendar, countedYears: readonly number[]) {
  const dates = present([
    shanghaiDate(row.created_at),
    row.accepted_date,
    row.due_date,
    row.handoff_due_date,
    row.received_date,
    row.completed_date,
  ]);
  const years = new Set([...dates.map(yearOf), ...countedYears]);
  return missingYearsMessage([...years].filter((year) => !calendar.years[year]).sort());
}

function optionalState(value: string | null): CaseState | null {
  return value === null ? null : caseStateSchema.parse(value);
}

/** Everything the case page shows, personal data masked, with the actions open to the caller. */
export async function caseDetail(ctx: CallContext, caseId: string): Promise<CaseDetail> {
  const { db } = ctx.rt;
  const user = requireUser(ctx.actor);
  const row = await visibleCase(ctx, caseId);
  const state = stateOf(row);
  const calendar = await calendarOf(ctx.rt);
  const today = shanghaiDate(ctx.rt.stamper.nowIso());
  const deadline = caseDeadline(row, today, calendar);
  const [item, applicant, materials, attachments, events, rating, prints] = await Promise.all([
    findItemFacts(db, row.item_id, row.item_version_id),
    findApplicant(db, row.resident_id),
    listMaterials(db, row.id),
    listCaseAttachments(db, row.id),
    listEvents(db, row.id),
    findRating(db, row.id),
    printCounts(db, row.id),
  ]);
  const orgNames = await findOrgNames(db, present([row.org_unit_id, row.agency_org_id]));
  const userNames = await findUserNames(db, present([row.agent_user_id, row.handler_id]));
  // Another unit's staff have no account here (a village's agent, seen at the township after the
  // hand-over): the name its timeline recorded for them.
  for (const event of events) {
    if (event.actor_id && event.actor_name && !userNames.has(event.actor_id))
      userNames.set(event.actor_id, event.actor_name);
  }
  const agencyTownshipName = row.agency_org_id ? await findParentName(db, row.agency_org_id) : null;
  const docType = documentTypeSchema.parse(applicant.doc_type);
  return {
    id: row.id,
    caseNo: row.case_no,
    officialNo: row.official_no,
    state,
    itemId: row.item_id,
    itemVersionId: row.item_version_id,
    itemCode: item.code,
    itemName: row.item_name,
    itemType: row.item_type,
    department: item.department,
    promisedDays: row.promised_days,
    feeFen: item.fee_fen,
    applicantName: row.applicant_name,
    residentId: row.resident_id,
    applicant: {
      name: row.applicant_name,
      docType,
      docNumberMasked: maskDocument(docType, applicant.doc_number),
      phoneMasked: applicant.phone ? maskPhone(applicant.phone) : null,
      address: applicant.address,
    },
    channel: row.channel,
    orgUnitId: row.org_unit_id,
    orgUnitName: orgNames.get(row.org_unit_id) ?? '',
    agencyOrgName: row.agency_org_id ? (orgNames.get(row.agency_org_id) ?? null) : null,
    agencyTownshipName,
    agentName: row.agent_user_id ? (userNames.get(row.agent_user_id) ?? null) : null,
    agencyReason: row.agency_reason,
    attorneyDate: row.attorney_date,
    handoffDueDate: row.handoff_due_date,
    handedOverAt: row.handed_over_at,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    acceptedAt: row.accepted_at,
    acceptedDate: row.accepted_date,
    dueDate: row.due_date,
    completedAt: row.completed_at,
    completedDate: row.completed_date,
    handedOutAt: row.handed_out_at,
    resultNote: row.result_note,
    rejectReason: row.reject_reason,
    redirectTo: row.redirect_to,
    counterContact: row.counter_contact,
    handlerName: row.handler_id ? (userNames.get(row.handler_id) ?? null) : null,
    deadline: deadline.status,
    workingDaysLeft: deadline.workingDaysLeft,
    calendarWarning: warning(row, calendar, deadline.missingYears),
    materials: materials.map((material) => ({
      id: material.id,
      position: material.position,
      name: material.name,
      form: materialFormSchema.parse(material.form),
      copies: material.copies,
      required: material.required === 1,
      condition: material.condition,
      source: material.source,
      status: material.status,
      copiesReceived: material.copies_received,
      note: material.note,
      attachments: attachments
        .filter((attachment) => attachment.case_material_id === material.id)
        .map((attachment) => ({
          id: attachment.id,
          fileName: attachment.file_name,
          mime: attachment.mime,
          size: attachment.size,
          sha256: attachment.sha256,
        })),
    })),
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorName: event.actor_name,
      action: event.action,
      fromState: optionalState(event.from_state),
      toState: optionalState(event.to_state),
      note: event.note,
    })),
    availableActions: availableActions(state, user.role),
    rating: rating
      ? {
          level: ratingLevelSchema.parse(rating.level),
          comment: rating.comment,
          ratedAt: rating.rated_at,
        }
      : null,
    printCounts: prints,
  };
}
