import { z } from 'zod';
import { method } from '../define';

const count = z.number().int().nonnegative();

/** What came in, what was done and how residents rated it, in one span of days. */
const flowSchema = z.object({
  /** Cases taken in at the window or from the villages (受理, 一次性告知 and 不予受理 alike). */
  takenIn: count,
  completed: count,
  ratings: count,
  /** 不满意 and 非常不满意: each needs a call back. */
  badRatings: count,
});

const dashboardFiguresSchema = z.object({
  /** Asia/Shanghai date the figures are of. */
  today: z.string(),
  todayFlow: flowSchema,
  /** Running cases past their promised date and village drafts past the hand-off limit, as of now. */
  overdue: count,
  /** The last eight weeks, Monday to Sunday, oldest first; the last one is this week so far. */
  weeks: z.array(flowSchema.extend({ weekStart: z.string() })),
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

export const dashboardFiguresMethods = {
  /** The supervisor's 工作台 figures for the units they oversee: today and the trend of eight weeks. */
  'cases.dashboardFigures': method({
    input: z.object({}).strict(),
    output: dashboardFiguresSchema,
    access: ['supervisor'],
  }),
};
