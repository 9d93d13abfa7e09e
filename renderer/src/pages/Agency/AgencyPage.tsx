import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { CaseSummary } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../../api';
import { CaseStateBadge, DueDate } from '../../components/CaseStatus';
import { LIST_PAGE_SIZE, ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { AGENCY_CASE_COLUMNS } from './agency-columns';
import { AGENCY_VIEWS, statesOf, type AgencyView } from './agency-views';
import { HandOffCell } from './HandOffCell';
import { useHandOver } from './use-case-action';

const RESULT_STATES: readonly CaseSummary['state'][] = ['completed', 'rejected', 'returned'];

function TownshipCell({ row }: { row: CaseSummary }) {
  if (row.state === 'completed') return <Text size="sm">{row.completedDate} 办结</Text>;
  if (row.dueDate) return <DueDate date={row.dueDate} deadline={row.deadline} />;
  return <Text c="dimmed">—</Text>;
}

/** 代办: the cases this agent filed, where each stands, and what to do next. */
export function AgencyPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [view, setView] = useState<AgencyView>('all');
  const [page, setPage] = useState(1);
  const handOver = useHandOver();
  const list = useApiQuery(
    'cases.list',
    {
      agentUserId: user.id,
      channel: 'agency',
      states: statesOf(view),
      page,
      pageSize: LIST_PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );

  function confirmHandOver(row: CaseSummary) {
    modals.openConfirmModal({
      title: '移交乡镇（街道）',
      children: (
        <Text size="sm">
          把 {row.applicantName} 的“{row.itemName}”（{row.caseNo}
          ）连同材料移交乡镇（街道）？移交后由乡镇窗口接收办理。
        </Text>
      ),
      labels: { confirm: '移交', cancel: '取消' },
      onConfirm: () => handOver.mutate({ caseId: row.id, action: 'hand_over' }),
    });
  }

  const columns: DataTableColumn<CaseSummary>[] = [
    ...AGENCY_CASE_COLUMNS,
    {
      accessor: 'createdAt',
      title: '收件时间',
      noWrap: true,
      render: (row) => formatDateTime(row.createdAt),
    },
    {
      accessor: 'state',
      title: '状态',
      noWrap: true,
      width: 110,
      render: (row) => <CaseStateBadge state={row.state} />,
    },
    {
      accessor: 'handoff',
      title: '移交期限',
      noWrap: true,
      render: (row) => <HandOffCell row={row} />,
    },
    {
      accessor: 'township',
      title: '乡镇办理',
      noWrap: true,
      render: (row) => <TownshipCell row={row} />,
    },
    {
      accessor: 'actions',
      title: '操作',
      textAlign: 'right',
      noWrap: true,
      render: (row) =>
        row.state === 'agency_draft' ? (
          <Button
            size="xs"
            onClick={() => confirmHandOver(row)}
            aria-label={`移交乡镇 ${row.caseNo}`}
          >
            移交乡镇
          </Button>
        ) : RESULT_STATES.includes(row.state) ? (
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/cases/${row.id}`}
            aria-label={`办理结果 ${row.caseNo}`}
          >
            办理结果
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="代办"
        description="本人代办的案件：收件后 3 个工作日内移交乡镇（街道）；乡镇办结后把结果交还申请人。"
        actions={<Button onClick={() => void navigate('/agency/new')}>代办收件</Button>}
      />
      <Group mb="md">
        <SegmentedControl
          aria-label="代办件状态"
          data={AGENCY_VIEWS.map(({ value, label }) => ({ value, label }))}
          value={view}
          onChange={(next) => {
            setView(next as AgencyView);
            setPage(1);
          }}
        />
      </Group>
      <ListTable<CaseSummary>
        {...listPageProps(list, page, setPage)}
        minHeight={240}
        noRecordsText="没有代办件"
        columns={columns}
      />
    </>
  );
}
