import { Anchor, Badge, Group } from '@mantine/core';
import type { DisputeSummary } from '@shared/api';
import { PARTY_ROLE_LABELS, type PartyRole } from '@shared/domain/mediation/agreement';
import { DISPUTE_DEADLINE_LABELS } from '@shared/domain/mediation/clocks';
import { Link } from 'react-router';
import { DisputeStateBadge } from '../../components/DisputeStatus';
import { ListTable } from '../../components/ListTable';
import { useDisputeTypes } from '../../lib/mediation-reference';

type ResidentDispute = DisputeSummary & { partyRole: PartyRole };

interface ResidentDisputesProps {
  disputes: ResidentDispute[];
  loading: boolean;
}

/** The disputes the resident is a party to, as far as the caller may read them. */
export function ResidentDisputes({ disputes, loading }: ResidentDisputesProps) {
  const disputeTypes = useDisputeTypes();
  return (
    <ListTable<ResidentDispute>
      minHeight={160}
      fetching={loading}
      noRecordsText="没有涉及本人的矛盾纠纷"
      records={disputes}
      columns={[
        {
          accessor: 'caseNo',
          title: '案号',
          noWrap: true,
          render: (d) => (
            <Anchor component={Link} to={`/mediation/${d.id}`} size="sm">
              {d.caseNo}
            </Anchor>
          ),
        },
        {
          accessor: 'type',
          title: '纠纷类型',
          noWrap: true,
          render: (d) => disputeTypes.label(d.type),
        },
        {
          accessor: 'partyRole',
          title: '本人身份',
          noWrap: true,
          render: (d) => PARTY_ROLE_LABELS[d.partyRole],
        },
        { accessor: 'partyNames', title: '当事人' },
        {
          accessor: 'state',
          title: '状态',
          noWrap: true,
          render: (d) => (
            <Group gap={4} wrap="nowrap">
              <DisputeStateBadge state={d.state} />
              {d.deadline === 'overdue' ? (
                <Badge color="red" variant="filled" size="sm">
                  {DISPUTE_DEADLINE_LABELS.overdue}
                </Badge>
              ) : null}
            </Group>
          ),
        },
        { accessor: 'registeredOn', title: '登记日期', noWrap: true },
        { accessor: 'ownerOrgName', title: '承办单位', noWrap: true },
      ]}
    />
  );
}
