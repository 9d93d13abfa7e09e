import { Anchor, Badge } from '@mantine/core';
import type { DisputeSummary } from '@shared/api';
import { PARTY_ROLE_LABELS, type PartyRole } from '@shared/domain/mediation/agreement';
import { DISPUTE_TYPE_LABELS } from '@shared/domain/mediation/vocabulary';
import { DISPUTE_STATE_LABELS } from '@shared/domain/mediation/workflow';
import { DataTable } from 'mantine-datatable';
import { Link } from 'react-router';
import { DISPUTE_STATE_COLORS } from './state-colors';

type ResidentDispute = DisputeSummary & { partyRole: PartyRole };

interface ResidentDisputesProps {
  disputes: ResidentDispute[];
  loading: boolean;
}

/** The disputes the resident is a party to, as far as the caller may read them. */
export function ResidentDisputes({ disputes, loading }: ResidentDisputesProps) {
  return (
    <DataTable<ResidentDispute>
      withTableBorder
      striped
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
          render: (d) => DISPUTE_TYPE_LABELS[d.type],
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
            <Badge
              variant="light"
              color={d.deadline === 'overdue' ? 'red' : DISPUTE_STATE_COLORS[d.state]}
            >
              {DISPUTE_STATE_LABELS[d.state]}
            </Badge>
          ),
        },
        { accessor: 'registeredOn', title: '登记日期', noWrap: true },
        { accessor: 'ownerOrgName', title: '承办单位', noWrap: true },
      ]}
    />
  );
}
