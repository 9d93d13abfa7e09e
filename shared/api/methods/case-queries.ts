import { z } from 'zod';
import { caseStateSchema } from '../../domain/cases/case-workflow';
import { method } from '../define';
import { caseSummarySchema, dateSchema } from './cases';
import { excelFileSchema } from './catalogue';
import { idSchema, pageInputSchema, totalIsLowerBoundSchema } from './common';
import { pageAnchorSchema, pageCursorsSchema } from './page-anchor';

export const caseListInputSchema = pageInputSchema.extend({
  query: z.string().trim().max(40).default(''),
  states: z.array(caseStateSchema).default([]),
  itemId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  agentUserId: idSchema.optional(),
  channel: z.enum(['counter', 'agency']).optional(),
  overdueOnly: z.boolean().default(false),
  sortBy: z.enum(['createdAt', 'dueDate', 'caseNo', 'handedOverAt']).default('createdAt'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
});

const staff = ['admin', 'supervisor', 'clerk', 'agent', 'auditor'] as const;

/** Lists, search and the 工作台, apart from the workflow in cases.ts: each map merges with its handlers. */
export const caseQueryMethods = {
  'cases.list': method({
    input: caseListInputSchema.extend({ anchor: pageAnchorSchema.optional() }),
    output: z.object({
      rows: z.array(caseSummarySchema),
      total: z.number().int(),
      totalIsLowerBound: totalIsLowerBoundSchema,
      ...pageCursorsSchema,
    }),
    access: staff,
  }),
  'cases.exportExcel': method({
    input: caseListInputSchema.omit({ page: true, pageSize: true }),
    output: excelFileSchema,
    access: staff,
  }),
  'cases.ofResident': method({
    input: z.object({ residentId: idSchema }),
    output: z.array(caseSummarySchema),
    access: staff,
  }),
  /** The 工作台: my cases due today, overdue, waiting for 补正, ready to hand out; agency hand-offs. */
  'cases.dashboard': method({
    input: z.object({}).strict(),
    output: z.object({
      dueToday: z.array(caseSummarySchema),
      dueSoon: z.array(caseSummarySchema),
      overdue: z.array(caseSummarySchema),
      pendingSupplement: z.array(caseSummarySchema),
      readyToHandOut: z.array(caseSummarySchema),
      awaitingReceipt: z.array(caseSummarySchema),
      /** An agent's drafts: `deadline` measures the 3-working-day hand-off limit. */
      agencyDrafts: z.array(caseSummarySchema),
      /** Open bad-rating follow-ups of the supervisor's units. */
      followupsDue: z.number().int(),
      calendarWarning: z.string().nullable(),
    }),
    access: staff,
  }),
};
