import type {
  AgreementView,
  DisputeDetail,
  DisputeFollowUp,
  MediationClock,
} from '@shared/api/methods/mediation-views';
import { agreementCopies, missingAgreementFields } from '@shared/domain/mediation/agreement';
import {
  deadlineStatus,
  judicialConfirmationWindow,
  mediationClock,
} from '@shared/domain/mediation/clocks';
import { availableDisputeActions, type DisputeState } from '@shared/domain/mediation/workflow';
import type { Kysely } from 'kysely';
import type { CallContext } from '../../core/runtime';
import type { Database, DisputeAgreementsTable, DisputesTable } from '../../db/schema';
import { canWrite, loadDispute, type LoadedDispute } from './access';
import { agreementDraft, contentOf } from '../agreement/agreement-draft';
import { agreementOf, followUpsOf, type FollowUpRow } from '../agreement/agreement-repository';
import { today } from './dates';
import { eventReportsOfDispute, eventsOf, printCountsOf } from './events-repository';
import { orgNames } from './org';
import { partiesOf, type PartyRow } from '../register/parties-repository';
import { toPartyView } from '../register/party-view';
import { extensionsOf, sessionsOf, type ExtensionRow } from '../sessions/sessions-repository';
import { CLOCK_STATES, toSummary } from '../list/summary-view';
import { teamOf } from '../roster/team-repository';

/** The one-month clock of the current owner: its acceptance, its extensions. */
export function clockOf(
  row: DisputesTable,
  extensions: readonly ExtensionRow[],
  on: string,
): MediationClock | null {
  if (!row.clock_start_on || !CLOCK_STATES.includes(row.state as DisputeState)) return null;
  const own = extensions
    .filter((extension) => extension.org_unit_id === row.org_unit_id)
    .map((extension) => ({
      newDueDate: extension.new_due_date,
      consentingPartyIds: JSON.parse(extension.consenting_party_ids) as string[],
      recordedOn: extension.recorded_on,
    }));
  return mediationClock(row.clock_start_on, own, on);
}

export function followUpView(row: FollowUpRow, on: string): DisputeFollowUp {
  return {
    id: row.id,
    disputeId: row.dispute_id,
    dueOn: row.due_on,
    state: row.state,
    deadline: row.state === 'due' ? deadlineStatus(row.due_on, on) : null,
    visitedOn: row.visited_on,
    method: row.method as DisputeFollowUp['method'],
    visitorName: row.visitor_name,
    performance: row.performance as DisputeFollowUp['performance'],
    satisfaction: row.satisfaction as DisputeFollowUp['satisfaction'],
    renewedConflict: row.renewed_conflict === null ? null : row.renewed_conflict === 1,
    note: row.note,
  };
}

function agreementView(
  row: DisputeAgreementsTable,
  caseNo: string,
  parties: readonly PartyRow[],
  on: string,
): AgreementView {
  const content = contentOf(row);
  const draft = agreementDraft(caseNo, parties, content);
  const confirmable = row.form === 'written' && row.signed_on !== null && row.effective_on !== null;
  return {
    form: row.form,
    facts: row.facts,
    disputedMatters: row.disputed_matters,
    responsibilities: content.responsibilities,
    obligations: content.obligations,
    mediators: content.mediators,
    recorderName: row.recorder_name,
    agreedOn: row.agreed_on,
    effectiveOn: row.effective_on,
    signedOn: row.signed_on,
    copies: agreementCopies(draft),
    missing: missingAgreementFields(draft),
    judicialConfirmation: confirmable
      ? {
          window: judicialConfirmationWindow(
            row.effective_on!,
            on,
            row.jc_applied === 1 ? row.jc_applied_on : null,
          ),
          applied: row.jc_applied === null ? null : row.jc_applied === 1,
          appliedOn: row.jc_applied_on,
          court: row.jc_court,
          result: row.jc_result,
          resultOn: row.jc_result_on,
          note: row.jc_note,
        }
      : null,
  };
}

const PRINT_KEYS: Record<string, (objectId: string) => string> = {
  'mediation.notice': () => 'notice',
  'mediation.agreement': () => 'agreement',
  'mediation.judicialCover': () => 'judicialCover',
  'mediation.sessionRecord': (id) => `session:${id}`,
  'mediation.followUp': (id) => `followUp:${id}`,
};

async function buildDetail(
  db: Kysely<Database>,
  loaded: LoadedDispute,
  on: string,
): Promise<DisputeDetail> {
  const { row, caller, access, readers } = loaded;
  const [parties, team, sessions, extensions, agreement, followUps, events, reports] =
    await Promise.all([
      partiesOf(db, row.id),
      teamOf(db, row.id),
      sessionsOf(db, row.id),
      extensionsOf(db, row.id),
      agreementOf(db, row.id),
      followUpsOf(db, row.id),
      eventsOf(db, row.id),
      eventReportsOfDispute(db, row.id),
    ]);
  const orgs = await orgNames(db, [
    row.org_unit_id,
    row.registered_org_id,
    ...readers,
    ...sessions.map((session) => session.org_unit_id),
    ...events.flatMap((event) => [event.from_org_id, event.to_org_id]).filter((id) => id !== null),
  ]);
  const orgName = (id: string | null) => (id ? (orgs.get(id)?.name ?? id) : null);
  const partyName = new Map(parties.map((party) => [party.id, party.name]));
  const counts = await printCountsOf(db, [
    row.id,
    ...sessions.map((session) => session.id),
    ...followUps.map((visit) => visit.id),
  ]);
  const writable = canWrite(caller, access);
  const owner = orgs.get(row.org_unit_id)!;
  const summary = toSummary(
    {
      ...row,
      owner_name: owner.name,
      owner_level: owner.level,
      lead_name: team.find((member) => member.role === 'lead')?.name ?? null,
    },
    access,
    on,
  );
  return {
    ...summary,
    officialNo: row.official_no,
    transferOrigin: row.transfer_origin,
    occurredOn: row.occurred_on,
    place: row.place,
    amountFen: row.amount_fen,
    peopleInvolved: row.people_involved,
    registeredOrgId: row.registered_org_id,
    registeredOrgName: orgName(row.registered_org_id)!,
    readerOrgs: readers.map((id) => ({ id, name: orgName(id)! })),
    clock: clockOf(row, extensions, on),
    failureReason: row.failure_reason,
    routesTold: row.routes_told ? JSON.parse(row.routes_told) : [],
    terminationReason: row.termination_reason,
    rejectReason: row.reject_reason,
    performedOn: row.performed_on,
    judicialConfirmedOn: row.judicial_confirmed_on,
    closedOn: row.closed_on,
    canWrite: writable,
    availableActions: writable
      ? availableDisputeActions(row.state as DisputeState, caller.role)
      : [],
    parties: parties.map((party) => toPartyView(party, on)),
    mediators: team.map((member) => ({
      mediatorId: member.mediator_id,
      name: member.name,
      role: member.role,
      background: member.background,
    })),
    sessions: sessions.map((session) => ({
      id: session.id,
      number: session.number,
      heldOn: session.held_on,
      place: session.place,
      mediators: JSON.parse(session.mediators),
      recorderName: session.recorder_name,
      attendees: JSON.parse(session.attendees),
      statements: (JSON.parse(session.statements) as { partyId: string; text: string }[]).map(
        (statement) => ({ ...statement, partyName: partyName.get(statement.partyId) ?? '' }),
      ),
      agreed: session.agreed === 1,
      result: session.result,
      orgUnitName: orgName(session.org_unit_id)!,
    })),
    extensions: extensions.map((extension) => ({
      id: extension.id,
      previousDueDate: extension.previous_due_date,
      newDueDate: extension.new_due_date,
      recordedOn: extension.recorded_on,
      reason: extension.reason,
      consentingPartyIds: JSON.parse(extension.consenting_party_ids),
    })),
    agreement: agreement ? agreementView(agreement, row.case_no, parties, on) : null,
    followUps: followUps.map((visit) => followUpView(visit, on)),
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorName: event.actor_name,
      action: event.action,
      fromState: event.from_state as DisputeDetail['state'] | null,
      toState: event.to_state as DisputeDetail['state'] | null,
      fromOrgName: orgName(event.from_org_id),
      toOrgName: orgName(event.to_org_id),
      note: event.note,
    })),
    eventReports: reports.map((report) => ({
      id: report.id,
      title: report.title,
      receivingOrgName: report.receiving_name,
      reportedAt: report.reported_at,
      acknowledged: report.acknowledged_at !== null,
    })),
    printCounts: Object.fromEntries(
      counts.map((count) => [
        PRINT_KEYS[count.document]?.(count.object_id) ?? count.document,
        count.count,
      ]),
    ),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What every use case answers: the case file as the caller may now see it. */
export async function disputeDetail(ctx: CallContext, disputeId: string): Promise<DisputeDetail> {
  return buildDetail(ctx.rt.db, await loadDispute(ctx, disputeId, 'read'), today(ctx));
}
