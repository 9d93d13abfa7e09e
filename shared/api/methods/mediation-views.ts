import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import { documentTypeSchema } from '../../domain/identity/documents';
import { partyRoleSchema } from '../../domain/mediation/agreement';
import {
  disputeSourceSchema,
  disputeTypeSchema,
  outcomeSchema,
  riskLevelSchema,
} from '../../domain/mediation/vocabulary';
import { DISPUTE_ACTIONS, DISPUTE_STATES } from '../../domain/mediation/workflow';
import { orgLevelSchema } from '../roles';
import { idSchema, isoTimeSchema } from './common';

/**
 * What the mediation methods answer: the dispute as lists and the case file show it. ID numbers and
 * phones are masked everywhere here (PIPL art. 28); only the printed agreement carries them whole.
 */

export const disputeStateSchema = z.enum(DISPUTE_STATES);
const disputeActionSchema = z.enum(DISPUTE_ACTIONS);

/** How a party was told of the 当事人权利义务告知书. */
export const NOTICE_METHODS = ['signed', 'oral', 'delivered'] as const;
export const noticeMethodSchema = z.enum(NOTICE_METHODS);
export const NOTICE_METHOD_LABELS: Record<z.infer<typeof noticeMethodSchema>, string> = {
  signed: '书面告知并签收',
  oral: '口头告知并记录',
  delivered: '送达',
};

/** The routes a party was told of after a failed mediation (人民调解法 art. 26). */
export const REMEDY_ROUTES = ['litigation', 'arbitration', 'administrative'] as const;
export const remedyRouteSchema = z.enum(REMEDY_ROUTES);
export const REMEDY_ROUTE_LABELS: Record<z.infer<typeof remedyRouteSchema>, string> = {
  litigation: '诉讼',
  arbitration: '仲裁',
  administrative: '行政途径',
};

/** Whose case this is to the caller: the owner writes, the others read. */
const disputeAccessSchema = z.enum(['owner', 'reader', 'oversight']);

export const mediationDeadlineSchema = z.object({
  dueDate: isoDateSchema,
  daysLeft: z.number().int(),
  status: z.enum(['ok', 'due_soon', 'overdue']),
});

export const mediationClockSchema = mediationDeadlineSchema.extend({ extended: z.boolean() });
export type MediationClock = z.infer<typeof mediationClockSchema>;

export const disputeSummarySchema = z.object({
  id: idSchema,
  caseNo: z.string(),
  state: disputeStateSchema,
  type: disputeTypeSchema,
  source: disputeSourceSchema,
  riskLevel: riskLevelSchema,
  partyNames: z.string(),
  summary: z.string(),
  registeredOn: isoDateSchema,
  acceptedOn: isoDateSchema.nullable(),
  dueDate: isoDateSchema.nullable(),
  /** 'none' outside 受理 → 结论 (not yet accepted, concluded, or waiting upstairs after 上交). */
  deadline: z.enum(['none', 'ok', 'due_soon', 'overdue']),
  outcome: outcomeSchema.nullable(),
  concludedOn: isoDateSchema.nullable(),
  ownerOrgId: idSchema,
  ownerOrgName: z.string(),
  ownerLevel: orgLevelSchema,
  leadMediatorName: z.string().nullable(),
  access: disputeAccessSchema,
});
export type DisputeSummary = z.infer<typeof disputeSummarySchema>;

const disputePartySchema = z.object({
  id: idSchema,
  position: z.number().int(),
  role: partyRoleSchema,
  kind: z.enum(['person', 'organisation']),
  residentId: idSchema.nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  ethnicity: z.string().nullable(),
  /**
   * Null when the party has an ID number: the date is its hidden middle. The printed agreement, which
   * carries the whole number, states it; an edit keeps it (the backend derives it from the number).
   */
  birthDate: isoDateSchema.nullable(),
  /** The age typed for a party with no birth date. */
  age: z.number().int().nullable(),
  /** What screens show: whole years today (Asia/Shanghai) from the birth date, else the typed age. */
  ageNow: z.number().int().nullable(),
  occupation: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  idType: documentTypeSchema.nullable(),
  idNumberMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  representative: z.string().nullable(),
  agentName: z.string().nullable(),
  agentPhoneMasked: z.string().nullable(),
  /** Date of the 授权委托书 the agent holds. */
  attorneyDate: isoDateSchema.nullable(),
  noticeAcknowledgedOn: isoDateSchema.nullable(),
  noticeMethod: noticeMethodSchema.nullable(),
});
export type DisputeParty = z.infer<typeof disputePartySchema>;

const assignedMediatorSchema = z.object({
  mediatorId: idSchema,
  name: z.string(),
  role: z.enum(['lead', 'member']),
  background: z.string(),
});

const mediationSessionSchema = z.object({
  id: idSchema,
  /** 第N次调解. */
  number: z.number().int(),
  heldOn: isoDateSchema,
  place: z.string(),
  mediators: z.array(z.object({ mediatorId: idSchema, name: z.string() })),
  recorderName: z.string().nullable(),
  attendees: z.array(z.string()),
  statements: z.array(z.object({ partyId: idSchema, partyName: z.string(), text: z.string() })),
  agreed: z.boolean(),
  result: z.string().nullable(),
  orgUnitName: z.string(),
});
export type MediationSession = z.infer<typeof mediationSessionSchema>;

const disputeExtensionSchema = z.object({
  id: idSchema,
  previousDueDate: isoDateSchema,
  newDueDate: isoDateSchema,
  recordedOn: isoDateSchema,
  reason: z.string(),
  consentingPartyIds: z.array(idSchema),
});

const obligationViewSchema = z.object({
  obligorPartyId: idSchema.nullable(),
  content: z.string(),
  amountFen: z.number().int().nullable(),
  method: z.string().nullable(),
  place: z.string().nullable(),
  deadline: isoDateSchema.nullable(),
});

export const judicialResultSchema = z.enum(['pending', 'confirmed', 'rejected']);
export const JUDICIAL_RESULT_LABELS: Record<z.infer<typeof judicialResultSchema>, string> = {
  pending: '待法院裁定',
  confirmed: '裁定确认有效',
  rejected: '裁定驳回申请',
};

const judicialConfirmationSchema = z.object({
  /** From the effective date; 'applied_late' when filed after the last day. */
  window: z.object({
    lastDay: isoDateSchema,
    daysLeft: z.number().int(),
    status: z.enum(['ok', 'due_soon', 'overdue', 'applied', 'applied_late']),
  }),
  /** null: not yet recorded; false: the parties decided not to apply. */
  applied: z.boolean().nullable(),
  appliedOn: isoDateSchema.nullable(),
  court: z.string().nullable(),
  result: judicialResultSchema.nullable(),
  resultOn: isoDateSchema.nullable(),
  note: z.string().nullable(),
});

const agreementViewSchema = z.object({
  form: z.enum(['written', 'oral']),
  facts: z.string().nullable(),
  disputedMatters: z.string().nullable(),
  responsibilities: z.record(z.string(), z.string()),
  obligations: z.array(obligationViewSchema),
  mediators: z.array(z.string()),
  recorderName: z.string().nullable(),
  agreedOn: isoDateSchema.nullable(),
  effectiveOn: isoDateSchema.nullable(),
  /** Null while a draft. */
  signedOn: isoDateSchema.nullable(),
  copies: z.number().int(),
  /** What art. 29 still needs, in paper order; parties.N counts in the order of `parties`. */
  missing: z.array(z.object({ path: z.string(), label: z.string() })),
  /** Written, signed agreements only. */
  judicialConfirmation: judicialConfirmationSchema.nullable(),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

export const FOLLOW_UP_METHODS = ['phone', 'visit', 'in_person', 'other'] as const;
export const followUpMethodSchema = z.enum(FOLLOW_UP_METHODS);
export const FOLLOW_UP_METHOD_LABELS: Record<z.infer<typeof followUpMethodSchema>, string> = {
  phone: '电话回访',
  visit: '上门回访',
  in_person: '当事人来访',
  other: '其他',
};

export const PERFORMANCES = ['performed', 'partly', 'not_performed', 'not_due'] as const;
export const performanceSchema = z.enum(PERFORMANCES);
export const PERFORMANCE_LABELS: Record<z.infer<typeof performanceSchema>, string> = {
  performed: '已履行',
  partly: '部分履行',
  not_performed: '未履行',
  not_due: '履行期限未到',
};

export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export const satisfactionSchema = z.enum(SATISFACTIONS);
export const SATISFACTION_LABELS: Record<z.infer<typeof satisfactionSchema>, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
};

export const disputeFollowUpSchema = z.object({
  id: idSchema,
  disputeId: idSchema,
  dueOn: isoDateSchema,
  state: z.enum(['due', 'done']),
  /** For an open visit: days to the due date and whether it is due soon or overdue. */
  deadline: mediationDeadlineSchema.nullable(),
  visitedOn: isoDateSchema.nullable(),
  method: followUpMethodSchema.nullable(),
  visitorName: z.string().nullable(),
  performance: performanceSchema.nullable(),
  satisfaction: satisfactionSchema.nullable(),
  renewedConflict: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type DisputeFollowUp = z.infer<typeof disputeFollowUpSchema>;

const disputeEventSchema = z.object({
  id: idSchema,
  at: isoTimeSchema,
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: disputeStateSchema.nullable(),
  toState: disputeStateSchema.nullable(),
  fromOrgName: z.string().nullable(),
  toOrgName: z.string().nullable(),
  note: z.string().nullable(),
});

const linkedEventReportSchema = z.object({
  id: idSchema,
  title: z.string(),
  receivingOrgName: z.string(),
  reportedAt: isoTimeSchema,
  acknowledged: z.boolean(),
});

export const disputeDetailSchema = disputeSummarySchema.extend({
  officialNo: z.string().nullable(),
  transferOrigin: z.string().nullable(),
  occurredOn: isoDateSchema.nullable(),
  place: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  peopleInvolved: z.number().int().nullable(),
  registeredOrgId: idSchema,
  registeredOrgName: z.string(),
  readerOrgs: z.array(z.object({ id: idSchema, name: z.string() })),
  clock: mediationClockSchema.nullable(),
  failureReason: z.string().nullable(),
  routesTold: z.array(remedyRouteSchema),
  terminationReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  performedOn: isoDateSchema.nullable(),
  judicialConfirmedOn: isoDateSchema.nullable(),
  closedOn: isoDateSchema.nullable(),
  canWrite: z.boolean(),
  availableActions: z.array(disputeActionSchema),
  parties: z.array(disputePartySchema),
  mediators: z.array(assignedMediatorSchema),
  sessions: z.array(mediationSessionSchema),
  extensions: z.array(disputeExtensionSchema),
  agreement: agreementViewSchema.nullable(),
  followUps: z.array(disputeFollowUpSchema),
  events: z.array(disputeEventSchema),
  eventReports: z.array(linkedEventReportSchema),
  printCounts: z.record(z.string(), z.number().int()),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
});
export type DisputeDetail = z.infer<typeof disputeDetailSchema>;
