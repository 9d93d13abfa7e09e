import { z } from 'zod';
import { caseActionSchema, caseStateSchema } from '../../domain/cases/case-workflow';
import { ratingLevelSchema } from '../../domain/cases/rating';
import { materialFormSchema } from '../../domain/catalogue/service-item';
import { method } from '../define';
import { idSchema, isoTimeSchema } from './common';

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const materialCheckSchema = z.object({
  /** Index of the material in the item version's list. */
  position: z.number().int().min(0),
  status: z.enum(['received', 'missing', 'not_applicable']),
  copiesReceived: z.number().int().min(0).max(50).default(0),
  note: z.string().trim().max(100).nullable().default(null),
});
export type MaterialCheck = z.input<typeof materialCheckSchema>;

const caseMaterialSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  name: z.string(),
  form: materialFormSchema,
  copies: z.number().int(),
  required: z.boolean(),
  condition: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(['received', 'missing', 'not_applicable']),
  copiesReceived: z.number().int(),
  note: z.string().nullable(),
  attachments: z.array(
    z.object({
      id: idSchema,
      fileName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      sha256: z.string(),
    }),
  ),
});
export type CaseMaterial = z.infer<typeof caseMaterialSchema>;

const deadlineStatusSchema = z.enum(['none', 'ok', 'due_soon', 'due_today', 'overdue']);

export const caseSummarySchema = z.object({
  id: idSchema,
  caseNo: z.string(),
  state: caseStateSchema,
  itemName: z.string(),
  itemType: z.enum(['instant', 'promised']),
  applicantName: z.string(),
  residentId: idSchema,
  channel: z.enum(['counter', 'agency']),
  agencyOrgName: z.string().nullable(),
  agentName: z.string().nullable(),
  /** An agency case's 3-working-day limit for handing it over to the township. */
  handoffDueDate: z.string().nullable(),
  handedOverAt: isoTimeSchema.nullable(),
  createdAt: isoTimeSchema,
  acceptedDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  deadline: deadlineStatusSchema,
  completedDate: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const caseEventSchema = z.object({
  id: idSchema,
  at: isoTimeSchema,
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: caseStateSchema.nullable(),
  toState: caseStateSchema.nullable(),
  note: z.string().nullable(),
});

export { ratingLevelSchema };

const caseDetailSchema = caseSummarySchema.extend({
  officialNo: z.string().nullable(),
  itemId: idSchema,
  itemVersionId: idSchema,
  itemCode: z.string(),
  department: z.string(),
  promisedDays: z.number().int(),
  feeFen: z.number().int(),
  applicant: z.object({
    name: z.string(),
    docType: z.string(),
    docNumberMasked: z.string(),
    phoneMasked: z.string().nullable(),
    address: z.string().nullable(),
  }),
  orgUnitName: z.string(),
  orgUnitId: idSchema,
  /** An agency case: the township the village hands it to (the village's parent unit). */
  agencyTownshipName: z.string().nullable(),
  agencyReason: z.string().nullable(),
  attorneyDate: z.string().nullable(),
  receivedAt: isoTimeSchema.nullable(),
  acceptedAt: isoTimeSchema.nullable(),
  completedAt: isoTimeSchema.nullable(),
  handedOutAt: isoTimeSchema.nullable(),
  resultNote: z.string().nullable(),
  rejectReason: z.string().nullable(),
  redirectTo: z.string().nullable(),
  counterContact: z.string().nullable(),
  handlerName: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  /** Set when a date falls in a year whose holiday schedule is not loaded (Mon–Fri fallback). */
  calendarWarning: z.string().nullable(),
  materials: z.array(caseMaterialSchema),
  events: z.array(caseEventSchema),
  availableActions: z.array(caseActionSchema),
  rating: z
    .object({ level: ratingLevelSchema, comment: z.string().nullable(), ratedAt: isoTimeSchema })
    .nullable(),
  printCounts: z.record(z.string(), z.number().int()),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const counter = ['admin', 'supervisor', 'clerk'] as const;
const staff = ['admin', 'supervisor', 'clerk', 'agent', 'auditor'] as const;

const intakeBase = z.object({
  residentId: idSchema,
  itemId: idSchema,
  materials: z.array(materialCheckSchema).max(60),
  note: z.string().trim().max(200).nullable().default(null),
});

export const casesMethods = {
  /**
   * The three outcomes at the window: complete → 受理 (an instant item may be completed on the spot);
   * incomplete → 待补正 with the one-time notice; not ours → 不予受理 with the reason and where to go
   * (or, for an applicant who does not qualify, that there is nowhere else to go).
   */
  'cases.intake': method({
    input: intakeBase.extend({
      outcome: z.enum(['complete', 'incomplete', 'not_ours']),
      completeOnSpot: z.boolean().default(false),
      rejectReason: z.string().trim().max(200).nullable().default(null),
      redirectTo: z.string().trim().max(100).nullable().default(null),
      /**
       * 不予受理 of an applicant who does not qualify for the item anywhere: there is no other place
       * to send them, so no redirectTo is asked for and the notice says so in its own words.
       */
      ineligible: z.boolean().default(false),
    }),
    output: caseDetailSchema,
    access: counter,
  }),
  /** A village agent files on the resident's behalf, with the power of attorney as a material. */
  'cases.agencyIntake': method({
    input: intakeBase.extend({
      attorneyDate: dateSchema,
      reason: z.string().trim().min(1, '请填写代办原因').max(100, '代办原因不超过 100 个字'),
    }),
    output: caseDetailSchema,
    access: ['agent'],
  }),
  /** The resident came back with what was missing: the checklist again; complete → 受理. */
  'cases.supplement': method({
    input: z.object({
      caseId: idSchema,
      materials: z.array(materialCheckSchema).max(60),
      note: z.string().trim().max(200).nullable().default(null),
    }),
    output: caseDetailSchema,
    access: counter,
  }),
  /** The township receives an agency case: complete → 受理, else 待补正 with a notice. */
  'cases.receive': method({
    input: z.object({ caseId: idSchema, materials: z.array(materialCheckSchema).max(60) }),
    output: caseDetailSchema,
    access: counter,
  }),
  /** The actions without a checklist; receive and supplement re-check materials in their own methods. */
  'cases.transition': method({
    input: z.object({
      caseId: idSchema,
      action: caseActionSchema.exclude(['receive', 'supplement'], {
        error: '接收和补正须核对材料清单，请使用对应的办理入口',
      }),
      note: z.string().trim().max(500).nullable().default(null),
      resultNote: z.string().trim().max(500).nullable().default(null),
    }),
    output: caseDetailSchema,
    access: ['admin', 'supervisor', 'clerk', 'agent'],
  }),
  /** The result was handed to the resident at the window (or back through the agent). */
  'cases.handOut': method({
    input: z.object({
      caseId: idSchema,
      note: z.string().trim().max(200).nullable().default(null),
    }),
    output: caseDetailSchema,
    access: ['admin', 'supervisor', 'clerk', 'agent'],
  }),
  'cases.get': method({
    input: z.object({ caseId: idSchema }),
    output: caseDetailSchema,
    access: staff,
  }),
};
