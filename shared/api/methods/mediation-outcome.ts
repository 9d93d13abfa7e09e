import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import { method } from '../define';
import { idSchema } from './common';
import { MEDIATION_WRITERS, nullableText } from './mediation';
import {
  disputeDetailSchema,
  followUpMethodSchema,
  judicialResultSchema,
  performanceSchema,
  remedyRouteSchema,
  satisfactionSchema,
} from './mediation-views';

export const obligationInputSchema = z.object({
  obligorPartyId: idSchema.nullable().default(null),
  content: z.string().trim().max(2000, '履行内容不超过 2000 个字').default(''),
  amountFen: z.number().int().min(0, '金额不能为负').nullable().default(null),
  method: nullableText(200, '履行方式不超过 200 个字'),
  place: nullableText(200, '履行地点不超过 200 个字'),
  deadline: isoDateSchema.nullable().default(null),
});

/**
 * The agreement as the mediator writes it. The parties' particulars, the case number and the
 * mediators come from the case file, so that paper and record cannot disagree.
 */
const agreementInputSchema = z.object({
  form: z.enum(['written', 'oral']),
  facts: nullableText(5000, '纠纷事实不超过 5000 个字'),
  disputedMatters: nullableText(5000, '争议事项不超过 5000 个字'),
  /** Each party's responsibility by party id; "无" is a statement too. */
  responsibilities: z.record(idSchema, z.string().trim().max(5000)).default({}),
  /** Numbered on paper in this order. */
  obligations: z.array(obligationInputSchema).max(50).default([]),
  agreedOn: isoDateSchema.nullable().default(null),
  /** When it takes effect (the 30-day clock for judicial confirmation runs from it); default agreedOn. */
  effectiveOn: isoDateSchema.nullable().default(null),
  recorderName: nullableText(40, '记录人姓名不超过 40 个字'),
});
export type AgreementInput = z.input<typeof agreementInputSchema>;

const reason = (label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(1000, `${label}不超过 1000 个字`);

export const mediationOutcomeMethods = {
  /** Saves the agreement while it is written; nothing is checked but its shape. */
  'mediation.saveAgreementDraft': method({
    input: z.object({ disputeId: idSchema, agreement: agreementInputSchema }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /**
   * 调解成功: the agreement was signed (written) or recorded (oral). Refused with AGREEMENT_INCOMPLETE
   * and every missing art. 29 field in Chinese; schedules the follow-up visit.
   */
  'mediation.recordAgreement': method({
    input: z.object({ disputeId: idSchema, agreement: agreementInputSchema }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 调解不成, with the routes the parties were told; then 结案 or 上交. */
  'mediation.recordFailure': method({
    input: z.object({
      disputeId: idSchema,
      reason: reason('调解不成的原因'),
      routesTold: z.array(remedyRouteSchema).min(1, '请选择已告知当事人的救济途径'),
      concludedOn: isoDateSchema.optional(),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  'mediation.terminate': method({
    input: z.object({
      disputeId: idSchema,
      reason: reason('终止调解的理由'),
      concludedOn: isoDateSchema.optional(),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 上交 to the parent org unit; this unit keeps reading the case and sees its outcome. */
  'mediation.escalate': method({
    input: z.object({ disputeId: idSchema, reason: reason('上交理由') }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 司法确认: applied or not (the parties' choice), to which court, the ruling. */
  'mediation.recordJudicialConfirmation': method({
    input: z.object({
      disputeId: idSchema,
      applied: z.boolean(),
      appliedOn: isoDateSchema.nullable().default(null),
      court: nullableText(100, '法院名称不超过 100 个字'),
      result: judicialResultSchema.nullable().default(null),
      resultOn: isoDateSchema.nullable().default(null),
      note: nullableText(500, '备注不超过 500 个字'),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 回访; `nextVisitOn` schedules another visit (obligations not yet performed). */
  'mediation.recordFollowUp': method({
    input: z.object({
      followUpId: idSchema,
      visitedOn: isoDateSchema,
      method: followUpMethodSchema,
      visitorName: nullableText(40, '回访人姓名不超过 40 个字'),
      performance: performanceSchema,
      satisfaction: satisfactionSchema,
      renewedConflict: z.boolean(),
      note: nullableText(1000, '回访情况不超过 1000 个字'),
      nextVisitOn: isoDateSchema.nullable().default(null),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 结案: after the follow-up of a success, or after a failure or termination. */
  'mediation.close': method({
    input: z.object({
      disputeId: idSchema,
      note: nullableText(500, '结案说明不超过 500 个字'),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
};
