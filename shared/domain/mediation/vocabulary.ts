import { z } from 'zod';

/**
 * The closed lists the mediation rules branch on: English codes in data, Chinese labels on screen and
 * paper. The dispute types are the statistical categories of docs/domain.md, in the order the MoJ monthly
 * report lists them.
 */

export const DISPUTE_TYPES = [
  'marriage_family',
  'neighbour',
  'house_homestead',
  'contract',
  'production_business',
  'damages',
  'forest_land',
  'land_requisition',
  'pollution',
  'labour',
  'consumer',
  'medical',
  'traffic_accident',
  'property_management',
  'other',
] as const;
export const disputeTypeSchema = z.enum(DISPUTE_TYPES);
export type DisputeType = z.infer<typeof disputeTypeSchema>;

export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  marriage_family: '婚姻家庭',
  neighbour: '邻里',
  house_homestead: '房屋宅基地',
  contract: '合同',
  production_business: '生产经营',
  damages: '损害赔偿',
  forest_land: '山林土地',
  land_requisition: '征地拆迁',
  pollution: '环境污染',
  labour: '劳动争议',
  consumer: '消费',
  medical: '医疗',
  traffic_accident: '道路交通事故',
  property_management: '物业',
  other: '其他',
};

export const DISPUTE_SOURCES = [
  'application',
  'initiative',
  'transfer',
  'entrusted',
  'designated',
  'grid_report',
  'hotline_12345',
] as const;
export const disputeSourceSchema = z.enum(DISPUTE_SOURCES);
export type DisputeSource = z.infer<typeof disputeSourceSchema>;

export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  application: '当事人申请',
  initiative: '主动调解',
  transfer: '移送',
  entrusted: '委托',
  designated: '指定',
  grid_report: '网格上报',
  hotline_12345: '12345转办',
};

export const RISK_LEVELS = ['general', 'serious', 'major'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  general: '一般',
  serious: '较大',
  major: '重大',
};

/** How a mediation ended; the statistics and the resolution level read only this. */
const OUTCOMES = ['succeeded', 'failed', 'terminated'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

export const OUTCOME_LABELS: Record<Outcome, string> = {
  succeeded: '调解成功',
  failed: '调解不成',
  terminated: '终止调解',
};
