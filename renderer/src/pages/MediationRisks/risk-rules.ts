import type { MethodOutput } from '@shared/api';

export type RiskFlag = MethodOutput<'mediation.riskFlags'>[number];
export type RiskRule = RiskFlag['rules'][number]['rule'];

/** The early-warning rules as the supervisor reads them. */
export const RISK_RULE_LABELS: Record<RiskRule, string> = {
  repeat_party: '同一当事人12个月内2起以上',
  repeat_address: '同一地址12个月内2起以上',
  major_risk: '风险等级重大',
  amount: '涉及金额达到预警线',
  people: '涉及人数达到预警线',
  renewed_conflict: '回访发现矛盾反复',
};

export const RISK_RULE_COLORS: Record<RiskRule, string> = {
  repeat_party: 'orange',
  repeat_address: 'orange',
  major_risk: 'red',
  amount: 'yellow',
  people: 'yellow',
  renewed_conflict: 'grape',
};

/** How many flagged disputes each rule fired on, in the order of the labels. */
export function ruleCounts(flags: readonly RiskFlag[]): { rule: RiskRule; count: number }[] {
  return (Object.keys(RISK_RULE_LABELS) as RiskRule[]).map((rule) => ({
    rule,
    count: flags.filter((flag) => flag.rules.some((fired) => fired.rule === rule)).length,
  }));
}
