import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DisputeStateBadge, RiskBadge } from '../../components/DisputeStatus';
import { ListTable } from '../../components/ListTable';
import { RISK_RULE_COLORS, RISK_RULE_LABELS, type RiskFlag } from './risk-rules';
import { useDisputeTypes } from '../../lib/mediation-reference';

function FiredRules({ flag }: { flag: RiskFlag }) {
  return (
    <Stack gap={6}>
      {flag.rules.map((fired) => (
        <div key={fired.rule}>
          <Badge color={RISK_RULE_COLORS[fired.rule]} variant="light" radius="sm">
            {RISK_RULE_LABELS[fired.rule]}
          </Badge>
          <Text size="sm" mt={2}>
            {fired.description}
          </Text>
          {fired.related.length > 0 ? (
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                相关案件：
              </Text>
              {fired.related.map((related) => (
                <Anchor
                  key={related.id}
                  component={Link}
                  to={`/mediation/${related.id}`}
                  size="xs"
                  aria-label={`相关案件 ${related.caseNo}`}
                >
                  {related.caseNo}
                </Anchor>
              ))}
            </Group>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}

interface RiskFlagsTableProps {
  flags: RiskFlag[];
  fetching: boolean;
}

/** One row per flagged dispute, with every rule that fired and the cases behind a repeat rule. */
export function RiskFlagsTable({ flags, fetching }: RiskFlagsTableProps) {
  const disputeTypes = useDisputeTypes();
  return (
    <ListTable
      aria-label="预警案件"
      verticalAlign="top"
      minHeight={200}
      fetching={fetching}
      noRecordsText="当前没有触发预警的案件"
      idAccessor="dispute.id"
      records={flags}
      columns={[
        {
          accessor: 'dispute.caseNo',
          title: '案号',
          width: 230,
          render: ({ dispute }) => (
            <Stack gap={2}>
              <Anchor component={Link} to={`/mediation/${dispute.id}`} fw={500}>
                {dispute.caseNo}
              </Anchor>
              <Text size="xs" c="dimmed">
                {dispute.registeredOn} 登记 · {dispute.ownerOrgName}
              </Text>
            </Stack>
          ),
        },
        {
          accessor: 'dispute.partyNames',
          title: '当事人与纠纷',
          render: ({ dispute }) => (
            <Stack gap={2}>
              <Text size="sm">{dispute.partyNames}</Text>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {disputeTypes.label(dispute.type)}：{dispute.summary}
              </Text>
            </Stack>
          ),
        },
        {
          accessor: 'dispute.state',
          title: '状态',
          width: 110,
          render: ({ dispute }) => (
            <Stack gap={4} align="flex-start">
              <DisputeStateBadge state={dispute.state} />
              <RiskBadge level={dispute.riskLevel} />
            </Stack>
          ),
        },
        {
          accessor: 'rules',
          title: '触发的预警规则',
          width: '38%',
          render: (flag) => <FiredRules flag={flag} />,
        },
      ]}
    />
  );
}
