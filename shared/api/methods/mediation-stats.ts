import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import { orgAbbreviationSchema } from '../../domain/mediation/case-number';
import { riskThresholdsSchema } from '../../domain/mediation/risk-rules';
import { method } from '../define';
import { excelFileSchema } from './catalogue';
import { idSchema } from './common';
import { MEDIATION_READERS } from './mediation';
import { disputeSummarySchema } from './mediation-views';

const mediationStatisticsRowSchema = z.object({
  /** 'YYYY-MM', 'YYYY-Qn' or 'YYYY'. */
  period: z.string(),
  /** A dispute type, source or level code, or 'all'. */
  group: z.string(),
  accepted: z.number().int(),
  concluded: z.number().int(),
  succeeded: z.number().int(),
  /** succeeded / concluded, 0..1; null when nothing was concluded. */
  successRate: z.number().nullable(),
  performed: z.number().int(),
  judicialConfirmations: z.number().int(),
  amountFen: z.number().int(),
});

const levelShare = z.object({ count: z.number().int(), percent: z.number() });

const mediationStatsSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  granularity: z.enum(['month', 'quarter', 'year']),
  /** One row per period, group 'all'. */
  byPeriod: z.array(mediationStatisticsRowSchema),
  byType: z.array(mediationStatisticsRowSchema),
  bySource: z.array(mediationStatisticsRowSchema),
  /** A case counts at the level that owns it, which for a resolved case is the level that resolved it. */
  byLevel: z.array(mediationStatisticsRowSchema),
  /** The whole range, group 'all', period 'from–to'. */
  totals: mediationStatisticsRowSchema,
  /** 小事不出村、大事不出镇: cases resolved in the range by level; percentages add up to 100.0. */
  shareByLevel: z.object({
    resolved: z.number().int(),
    byLevel: z.object({ village: levelShare, township: levelShare, county: levelShare }),
  }),
  /** Event reports are never in these figures; their count is given apart, with the statement. */
  eventReports: z.object({ count: z.number().int(), note: z.string() }),
});
export type MediationStats = z.infer<typeof mediationStatsSchema>;

const firedRuleSchema = z.object({
  rule: z.enum([
    'repeat_party',
    'repeat_address',
    'major_risk',
    'amount',
    'people',
    'renewed_conflict',
  ]),
  description: z.string(),
  related: z.array(z.object({ id: idSchema, caseNo: z.string() })),
});

const mediationSettingsSchema = z.object({
  orgUnitId: idSchema,
  orgUnitName: z.string(),
  /** The configured abbreviation of case numbers, or null for the derived one. */
  abbreviation: z.string().nullable(),
  effectiveAbbreviation: z.string(),
  riskThresholds: riskThresholdsSchema,
});

const supervisors = ['supervisor', 'auditor'] as const;

export const mediationStatsMethods = {
  'mediation.stats': method({
    input: z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      granularity: z.enum(['month', 'quarter', 'year']).default('month'),
    }),
    output: mediationStatsSchema,
    access: MEDIATION_READERS,
  }),
  /** The monthly report (本月 and 本年累计) as an Excel workbook, saying that event reports are excluded. */
  'mediation.statsExcel': method({
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }),
    output: excelFileSchema,
    access: MEDIATION_READERS,
  }),
  /** The supervisor's early-warning list: open or recent cases and the rules that fired. */
  'mediation.riskFlags': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ dispute: disputeSummarySchema, rules: z.array(firedRuleSchema) })),
    access: supervisors,
  }),
  'mediation.getSettings': method({
    input: z.object({}).strict(),
    output: mediationSettingsSchema,
    access: MEDIATION_READERS,
  }),
  /** The supervisor sets the thresholds (null switches a rule off) and, if wanted, the abbreviation. */
  'mediation.updateSettings': method({
    input: z.object({
      abbreviation: orgAbbreviationSchema.nullable().default(null),
      riskThresholds: riskThresholdsSchema,
    }),
    output: mediationSettingsSchema,
    access: ['supervisor'],
  }),
};
