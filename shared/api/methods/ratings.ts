import { z } from 'zod';
import { method } from '../define';
import { ratingLevelSchema } from './cases';
import { idSchema, isoTimeSchema, pageInputSchema } from './common';

const followupSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  caseNo: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  level: ratingLevelSchema,
  comment: z.string().nullable(),
  ratedAt: isoTimeSchema,
  dueDate: z.string(),
  state: z.enum(['open', 'done']),
  overdue: z.boolean(),
  /** Working days from today to the due date, negative once overdue; null once done. */
  workingDaysLeft: z.number().int().nullable(),
  callbackAt: isoTimeSchema.nullable(),
  callbackBy: z.string().nullable(),
  callbackNote: z.string().nullable(),
  rectification: z.string().nullable(),
});
export type Followup = z.infer<typeof followupSchema>;

export const ratingsMethods = {
  /**
   * Entered by the resident on the view the clerk turns toward them; one rating per visit (case).
   * A bad rating (不满意, 非常不满意) opens a follow-up for the supervisor, due in 15 working days.
   */
  'ratings.submit': method({
    input: z.object({
      caseId: idSchema,
      level: ratingLevelSchema,
      comment: z.string().trim().max(300).nullable().default(null),
    }),
    output: z.object({ bad: z.boolean(), followupId: idSchema.nullable() }),
    access: ['admin', 'supervisor', 'clerk', 'agent'],
  }),
  'ratings.followups': method({
    input: pageInputSchema.extend({ state: z.enum(['open', 'done']).optional() }),
    output: z.object({ rows: z.array(followupSchema), total: z.number().int() }),
    access: ['admin', 'supervisor', 'auditor'],
  }),
  'ratings.recordCallback': method({
    input: z.object({
      followupId: idSchema,
      callbackNote: z.string().trim().min(1, '请填写回访情况').max(500, '回访情况不超过 500 个字'),
      rectification: z.string().trim().max(500).nullable().default(null),
    }),
    output: followupSchema,
    access: ['admin', 'supervisor'],
  }),
};
