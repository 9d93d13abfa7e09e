import { Anchor, Badge, Group } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import { DataTable } from 'mantine-datatable';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import { CASE_STATE_COLORS, DEADLINE_BADGES } from './state-colors';

interface ResidentCasesProps {
  cases: CaseSummary[];
  loading: boolean;
}

/** Every application of the resident, newest first as cases.ofResident answers them. */
export function ResidentCases({ cases, loading }: ResidentCasesProps) {
  return (
    <DataTable<CaseSummary>
      withTableBorder
      striped
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
          render: (c) => {
            const deadline = DEADLINE_BADGES[c.deadline];
            return (
              <Group gap={4} wrap="nowrap">
                <Badge color={CASE_STATE_COLORS[c.state]} variant="light">
                  {CASE_STATE_LABELS[c.state]}
                </Badge>
                {deadline ? (
                  <Badge color={deadline.color} variant="outline">
                    {deadline.label}
                  </Badge>
                ) : null}
              </Group>
            );
          },
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
