import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import {
  disputeTypeEntrySchema,
  mediationReferenceFileSchema,
  referenceCodeSchema,
} from '../../domain/catalogue/mediation-reference';
import { documentTypeSchema } from '../../domain/identity/documents';
import { partyRoleSchema } from '../../domain/mediation/agreement';
import {
  disputeSourceSchema,
  disputeTypeSchema,
  riskLevelSchema,
} from '../../domain/mediation/vocabulary';
import { method } from '../define';
import { ROLES } from '../roles';
import { emptySchema, idSchema, pageInputSchema, totalIsLowerBoundSchema } from './common';
import { pageAnchorSchema, pageCursorsSchema } from './page-anchor';
import {
  mediationDeadlineSchema,
  disputeDetailSchema,
  disputeStateSchema,
  disputeSummarySchema,
  disputeFollowUpSchema,
  noticeMethodSchema,
} from './mediation-views';

/** Mediators and their supervisor (负责人) move cases; auditors read. Org checks are the backend's. */
export const MEDIATION_WRITERS = ['mediator', 'supervisor'] as const;
export const MEDIATION_READERS = ['mediator', 'supervisor', 'auditor'] as const;

/** A free text that may be left empty; empty becomes null. */
export function nullableText(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));
}

/** Phones and ID numbers: left out = keep what is stored (the form only ever saw them masked). */
function keptSecret(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}

const agentFields = {
  agentName: nullableText(50, '代理人姓名不超过 50 个字'),
  agentPhone: keptSecret(20, '代理人电话过长'),
  /** Date of the 授权委托书; required with an agent. */
  attorneyDate: isoDateSchema.nullable().default(null),
};

const personPartyInputSchema = z.object({
  kind: z.literal('person'),
  role: partyRoleSchema,
  /** Link to the resident register (一人一档); its particulars fill what is left empty here. */
  residentId: idSchema.nullable().default(null),
  name: nullableText(50, '姓名不超过 50 个字'),
  gender: z.enum(['male', 'female']).nullable().default(null),
  ethnicity: nullableText(20, '民族不超过 20 个字'),
  birthDate: isoDateSchema.nullable().default(null),
  age: z.number().int().min(0).max(150).nullable().default(null),
  occupation: nullableText(50, '职业不超过 50 个字'),
  phone: keptSecret(20, '电话号码过长'),
  address: nullableText(120, '住址不超过 120 个字'),
  idType: documentTypeSchema.nullable().default(null),
  idNumber: keptSecret(30, '证件号码过长'),
  ...agentFields,
});

const organisationPartyInputSchema = z.object({
  kind: z.literal('organisation'),
  role: partyRoleSchema,
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不超过 100 个字'),
  creditCode: nullableText(18, '统一社会信用代码为 18 位'),
  representative: nullableText(50, '法定代表人姓名不超过 50 个字'),
  phone: keptSecret(20, '电话号码过长'),
  address: nullableText(120, '住所不超过 120 个字'),
  ...agentFields,
});

export const partyInputSchema = z.discriminatedUnion('kind', [
  personPartyInputSchema,
  organisationPartyInputSchema,
]);
export type DisputePartyInput = z.input<typeof partyInputSchema>;

const disputeFields = {
  type: disputeTypeSchema,
  source: disputeSourceSchema,
  /** Who transferred it (公安机关, 人民法院 …), from mediation-reference.json; with source 移送. */
  transferOrigin: referenceCodeSchema.nullable().default(null),
  summary: z.string().trim().min(1, '请填写纠纷简要情况').max(2000, '简要情况不超过 2000 个字'),
  occurredOn: isoDateSchema.nullable().default(null),
  place: nullableText(120, '发生地点不超过 120 个字'),
  amountFen: z.number().int().min(0, '涉及金额不能为负').nullable().default(null),
  peopleInvolved: z.number().int().min(1, '涉及人数至少 1 人').nullable().default(null),
  riskLevel: riskLevelSchema.default('general'),
};

function transferNeedsOrigin(
  value: { source: string; transferOrigin: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.source === 'transfer' && !value.transferOrigin) {
    ctx.addIssue({ code: 'custom', path: ['transferOrigin'], message: '移送的纠纷请选择移送单位' });
  }
}

const registerDisputeInputSchema = z
  .object({
    ...disputeFields,
    parties: z.array(partyInputSchema).min(2, '纠纷至少有两方当事人').max(30, '当事人不超过 30 位'),
    /** The committee accepts it on the spot (the usual case); the one-month clock starts today. */
    acceptNow: z.boolean().default(true),
  })
  .superRefine(transferNeedsOrigin);

const disputeListInputSchema = pageInputSchema.extend({
  /** Case number (any part), a party's name (1 character: surname), or the sequence number. */
  query: z.string().trim().max(40).default(''),
  types: z.array(disputeTypeSchema).default([]),
  states: z.array(disputeStateSchema).default([]),
  riskLevels: z.array(riskLevelSchema).default([]),
  /** Registration date range, both ends included. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** 'reader': cases this unit passed up and still follows. */
  access: z.enum(['all', 'owner', 'reader']).default('all'),
  /** Open cases (已受理, 调解中) within five days of the end of their clock, or past it. */
  deadline: z.enum(['due_soon', 'overdue']).optional(),
  sortBy: z.enum(['registeredOn', 'dueDate', 'caseNo']).default('registeredOn'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
});

const disputeId = z.object({ disputeId: idSchema });

export const mediationMethods = {
  /**
   * 登记 (and, by default, 受理). A 重大 risk level files an event report to the level above in the
   * same transaction; `immediateReport` says so.
   */
  'mediation.register': method({
    input: registerDisputeInputSchema,
    output: z.object({
      dispute: disputeDetailSchema,
      immediateReport: z
        .object({
          eventReportId: idSchema,
          receivingOrgId: idSchema,
          receivingOrgName: z.string(),
          message: z.string(),
        })
        .nullable(),
    }),
    access: MEDIATION_WRITERS,
  }),
  /** Corrects the registration; raising the risk to 重大 reports upward as at registration. */
  'mediation.update': method({
    input: z.object({ disputeId: idSchema, ...disputeFields }).superRefine(transferNeedsOrigin),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** Adds a party (no partyId) or corrects one; a phone or ID number left out stays as stored. */
  'mediation.saveParty': method({
    input: z.object({
      disputeId: idSchema,
      partyId: idSchema.optional(),
      party: partyInputSchema,
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** The party was told of the 当事人权利义务告知书: when and how. */
  'mediation.acknowledgeNotice': method({
    input: z.object({
      partyId: idSchema,
      acknowledgedOn: isoDateSchema,
      method: noticeMethodSchema,
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 受理: a registered case, or one escalated to this unit. Starts the one-month clock. */
  'mediation.accept': method({
    input: z.object({ disputeId: idSchema, acceptedOn: isoDateSchema.optional() }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  'mediation.reject': method({
    input: z.object({
      disputeId: idSchema,
      reason: z.string().trim().min(1, '请填写不予受理的理由').max(500, '理由不超过 500 个字'),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  'mediation.get': method({
    input: disputeId,
    output: disputeDetailSchema,
    access: MEDIATION_READERS,
  }),
  'mediation.list': method({
    input: disputeListInputSchema.extend({ anchor: pageAnchorSchema.optional() }),
    output: z.object({
      rows: z.array(disputeSummarySchema),
      total: z.number().int(),
      totalIsLowerBound: totalIsLowerBoundSchema,
      ...pageCursorsSchema,
    }),
    access: MEDIATION_READERS,
  }),
  /** A party's full phone or ID number for a task that needs it; every reveal is audited. */
  'mediation.revealParty': method({
    input: z.object({
      partyId: idSchema,
      field: z.enum(['phone', 'idNumber', 'agentPhone']),
      reason: z.string().trim().max(60).default(''),
    }),
    output: z.object({ value: z.string().nullable() }),
    access: MEDIATION_WRITERS,
  }),
  /** 一人一档: the disputes a resident is a party to, that the caller may read. */
  'mediation.ofResident': method({
    input: z.object({ residentId: idSchema }),
    output: z.array(disputeSummarySchema.extend({ partyRole: partyRoleSchema })),
    access: MEDIATION_READERS,
  }),
  /**
   * The reference lists the screens offer and label (types with their descriptions, sources, origins
   * of transfers, mediator backgrounds, committee kinds, event-report categories), as the backend
   * checks them. Any role: clerks and agents file event reports too.
   */
  'mediation.reference': method({
    input: emptySchema,
    output: mediationReferenceFileSchema.extend({ disputeTypes: z.array(disputeTypeEntrySchema) }),
    access: ROLES,
  }),
  /** The 工作台 of the caller's unit: deadlines, follow-ups, judicial-confirmation windows. */
  'mediation.dashboard': method({
    input: emptySchema,
    output: z.object({
      deadlinesDueSoon: z.array(disputeSummarySchema),
      deadlinesOverdue: z.array(disputeSummarySchema),
      followUpsDue: z.array(disputeFollowUpSchema.extend({ dispute: disputeSummarySchema })),
      followUpsOverdue: z.array(disputeFollowUpSchema.extend({ dispute: disputeSummarySchema })),
      judicialWindows: z.array(
        z.object({ dispute: disputeSummarySchema, window: mediationDeadlineSchema }),
      ),
      awaitingAcceptance: z.array(disputeSummarySchema),
      unacknowledgedReports: z.number().int(),
    }),
    access: MEDIATION_READERS,
  }),
};
