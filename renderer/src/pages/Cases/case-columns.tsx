import { Anchor, Badge, Text, Tooltip } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import type { DataTableColumn } from 'mantine-datatable';
import { Link } from 'react-router';
import { CaseStateBadge, DueDate } from '../../components/CaseStatus';
import { formatDate } from '../../lib/time';

/** The 代办 mark: which village took the case in on the resident's behalf. */
export function AgencyMark({
  summary,
}: {
  summary: Pick<CaseSummary, 'channel' | 'agencyOrgName'>;
}) {
  if (summary.channel !== 'agency') return null;
  const badge = (
    <Badge color="grape" variant="outline" size="sm">
      代办
    </Badge>
  );
  return summary.agencyOrgName ? (
    <Tooltip label={`由${summary.agencyOrgName}代办`}>{badge}</Tooltip>
  ) : (
    badge
  );
}

export const CASE_COLUMNS: DataTableColumn<CaseSummary>[] = [
  {
    accessor: 'caseNo',
    title: '受理编号',
    sortable: true,
    noWrap: true,
    // A real link: Tab reaches it and Enter opens the case, as a click on the row does.
    render: (row) => (
      <Anchor
        component={Link}
        to={`/cases/${row.id}`}
        size="sm"
        ff="monospace"
        onClick={(event) => event.stopPropagation()}
      >
        {row.caseNo}
      </Anchor>
    ),
  },
  { accessor: 'applicantName', title: '申请人', noWrap: true },
  { accessor: 'itemName', title: '事项' },
  {
    accessor: 'state',
    title: '状态',
    noWrap: true,
    render: (row) => <CaseStateBadge state={row.state} />,
  },
  {
    accessor: 'channel',
    title: '来源',
    noWrap: true,
    render: (row) =>
      row.channel === 'agency' ? (
        <AgencyMark summary={row} />
      ) : (
        <Text size="sm" c="dimmed">
          窗口
        </Text>
      ),
  },
  {
    accessor: 'createdAt',
    title: '收件日期',
    sortable: true,
    noWrap: true,
    render: (row) => formatDate(row.createdAt),
  },
  {
    accessor: 'acceptedDate',
    title: '受理日期',
    noWrap: true,
    render: (row) => row.acceptedDate ?? '—',
  },
  {
    accessor: 'dueDate',
    title: '办结期限',
    sortable: true,
    noWrap: true,
    render: (row) => <DueDate date={row.dueDate} deadline={row.deadline} />,
  },
];
