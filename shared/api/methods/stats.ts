import { z } from 'zod';
import { method } from '../define';
import { excelFileSchema } from './catalogue';
import { ratingLevelSchema } from './cases';
import { idSchema } from './common';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * `from`..`to` are the Asia/Shanghai dates of intake, both included. Every count is over the cases
 * taken in then, by what has become of them by today, so that the on-time rate compares like with
 * like; ratings count by the date they were given.
 */
const counterStatsInputSchema = z.object({
  from: dateSchema,
  to: dateSchema,
  period: z.enum(['day', 'month', 'quarter', 'year']).default('month'),
  /** One item only: its cases, and the ratings of its cases. */
  itemId: idSchema.optional(),
});

const countsSchema = z.object({
  takenIn: z.number().int(),
  accepted: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  overdue: z.number().int(),
  supplement: z.number().int(),
  rejected: z.number().int(),
  /** Completed on time / completed, 0..1; null when nothing was completed. */
  onTimeRate: z.number().nullable(),
});

const counterStatsSchema = z.object({
  totals: countsSchema,
  byItem: z.array(countsSchema.extend({ itemId: z.string(), itemName: z.string() })),
  byPeriod: z.array(countsSchema.extend({ period: z.string() })),
  agencyByVillage: z.array(
    z.object({
      orgUnitId: z.string(),
      villageName: z.string(),
      cases: z.number().int(),
      handedOverLate: z.number().int(),
    }),
  ),
  ratings: z.array(z.object({ level: ratingLevelSchema, count: z.number().int() })),
  badRatings: z.number().int(),
  followupsDone: z.number().int(),
  /** Follow-ups done / bad ratings, 0..1; null without bad ratings. */
  followupRate: z.number().nullable(),
});
export type CounterStats = z.infer<typeof counterStatsSchema>;

export const statsMethods = {
  'stats.counter': method({
    input: counterStatsInputSchema,
    output: counterStatsSchema,
    access: ['admin', 'supervisor', 'auditor'],
  }),
  'stats.counterExcel': method({
    input: counterStatsInputSchema,
    output: excelFileSchema,
    access: ['admin', 'supervisor', 'auditor'],
  }),
};
