import { z } from 'zod';
import { method } from '../define';
import { idSchema, isoTimeSchema, pageInputSchema } from './common';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);

const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoTimeSchema,
  userId: idSchema.nullable(),
  username: z.string().nullable(),
  terminalId: idSchema.nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditMethods = {
  'audit.list': method({
    input: pageInputSchema.extend({
      /** Inclusive dates (YYYY-MM-DD) in Asia/Shanghai. */
      from: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      to: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      username: z.string().trim().max(32).optional(),
      action: z.string().trim().max(64).optional(),
      outcome: auditOutcomeSchema.optional(),
    }),
    output: z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
    access: ['admin', 'supervisor', 'auditor'],
  }),
  'audit.actions': method({
    input: z.object({}).strict(),
    output: z.array(z.string()),
    access: ['admin', 'supervisor', 'auditor'],
  }),
  'audit.verify': method({
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      /** The first entry whose hash or link does not hold, and why, in Chinese. */
      problem: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
    }),
    access: ['admin', 'supervisor', 'auditor'],
  }),
};
