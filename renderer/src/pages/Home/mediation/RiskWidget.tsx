import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api';
import { RISK_RULE_LABELS } from '../../MediationRisks/risk-rules';
import { DisputeRowsList } from './DisputeRowsList';
import { WidgetCard } from './WidgetCard';

/** The supervisor's early-warning flags, most serious first, with a link to the whole list. */
export function RiskWidget() {
  const flags = useApiQuery('mediation.riskFlags', {});
  const rows = (flags.data ?? []).map((flag) => ({
    key: flag.dispute.id,
    disputeId: flag.dispute.id,
    caseNo: flag.dispute.caseNo,
    partyNames: flag.dispute.partyNames,
    detail: flag.rules.map((fired) => RISK_RULE_LABELS[fired.rule]).join('、'),
    overdue: flag.dispute.riskLevel === 'major',
  }));
  return (
    <WidgetCard title="风险预警" count={rows.length} urgent empty="当前没有触发预警的案件">
      <Stack gap={8}>
        <DisputeRowsList rows={rows} />
        <Anchor component={Link} to="/mediation/risks" size="sm">
          查看全部预警
        </Anchor>
      </Stack>
    </WidgetCard>
  );
}
