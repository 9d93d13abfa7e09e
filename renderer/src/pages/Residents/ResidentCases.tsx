import { Anchor, Group } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { Link } from 'react-router';
import { CaseDeadlineBadge, CaseStateBadge } from '../../components/CaseStatus';
import { ListTable } from '../../components/ListTable';
import { formatDateTime } from '../../lib/time';

interface ResidentCasesProps {
  cases: CaseSummary[];
  loading: boolean;
}

/** Every application of the resident, newest first as cases.ofResident answers them. */
export function ResidentCases({ cases, loading }: ResidentCasesProps) {
  return (
    <ListTable<CaseSummary>
      minHeight={160}
      fetching={loading}
      noRecordsText="还没有办件记录"
      records={cases}
      columns={[
        {
          accessor: 'caseNo',
          title: '案件编号',
          noWrap: true,
          render: (c) => (
            <Anchor component={Link} to={`/cases/${c.id}`} ff="monospace" size="sm">
              {c.caseNo}
            </Anchor>
          ),
        },
        { accessor: 'itemName', title: '事项' },
        {
          accessor: 'state',
          title: '状态',
          noWrap: true,
          render: (c) => (
            <Group gap={4} wrap="nowrap">
              <CaseStateBadge state={c.state} />
              <CaseDeadlineBadge deadline={c.deadline} />
            </Group>
          ),
        },
        {
          accessor: 'channel',
          title: '渠道',
          noWrap: true,
          render: (c) =>
            c.channel === 'agency' ? `代办（${c.agencyOrgName ?? '村（社区）'}）` : '窗口',
        },
        {
          accessor: 'createdAt',
          title: '登记时间',
          noWrap: true,
          render: (c) => formatDateTime(c.createdAt),
        },
        {
          accessor: 'acceptedDate',
          title: '受理日期',
          noWrap: true,
          render: (c) => c.acceptedDate ?? '—',
        },
        { accessor: 'dueDate', title: '承诺办结', noWrap: true, render: (c) => c.dueDate ?? '—' },
        {
          accessor: 'completedDate',
          title: '办结日期',
          noWrap: true,
          render: (c) => c.completedDate ?? '—',
        },
      ]}
    />
  );
}
