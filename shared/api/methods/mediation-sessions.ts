import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import { method } from '../define';
import { idSchema } from './common';
import { MEDIATION_WRITERS, nullableText } from './mediation';
import { disputeDetailSchema, mediationClockSchema } from './mediation-views';

const sessionInputSchema = z.object({
  disputeId: idSchema,
  heldOn: isoDateSchema,
  place: z.string().trim().min(1, '请填写调解地点').max(100, '调解地点不超过 100 个字'),
  /** Roster ids of the mediators who sat; at least one. */
  mediatorIds: z.array(idSchema).min(1, '请选择主持调解的调解员').max(10),
  recorderName: nullableText(40, '记录人姓名不超过 40 个字'),
  /** Everyone present, as the 笔录 lists them (e.g. "张三（申请人）", "李四（代理人）"). */
  attendees: z
    .array(z.string().trim().min(1).max(60, '每位到场人员不超过 60 个字'))
    .min(1, '请填写到场人员')
    .max(40),
  statements: z
    .array(
      z.object({
        partyId: idSchema,
        text: z.string().trim().min(1, '请填写当事人陈述').max(5000, '陈述不超过 5000 个字'),
      }),
    )
    .max(30),
  /** Whether the parties reached agreement in this session; the agreement itself is recorded apart. */
  agreed: z.boolean(),
  result: nullableText(2000, '调解情况不超过 2000 个字'),
});

export const mediationSessionMethods = {
  /** 调解记录; the first one moves an accepted case into 调解中. */
  'mediation.recordSession': method({
    input: sessionInputSchema,
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
  /** Extends the one-month target; every party must consent. Answers the clock before and after. */
  'mediation.extendDeadline': method({
    input: z.object({
      disputeId: idSchema,
      newDueDate: isoDateSchema,
      consentingPartyIds: z.array(idSchema).max(30),
      reason: z.string().trim().min(1, '请填写延期理由').max(500, '延期理由不超过 500 个字'),
    }),
    output: z.object({
      dispute: disputeDetailSchema,
      before: mediationClockSchema,
      after: mediationClockSchema,
    }),
    access: MEDIATION_WRITERS,
  }),
};
