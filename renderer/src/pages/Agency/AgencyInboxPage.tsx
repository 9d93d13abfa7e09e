import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { LIST_PAGE_SIZE, ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { AGENCY_CASE_COLUMNS } from './agency-columns';
import { handedOverLate } from './hand-off';

function HandedOverCell({ row }: { row: CaseSummary }) {
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{formatDateTime(row.handedOverAt)}</Text>
        {handedOverLate(row) ? (
          <Badge color="red" variant="light" size="sm">
            逾期移交
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        期限 {row.handoffDueDate ?? '—'}
      </Text>
    </Stack>
  );
}

/** 待接收: agency cases the villages have handed over, the one waiting longest since hand-over first. */
export function AgencyInboxPage() {
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    'cases.list',
    {
      states: ['awaiting_receipt'],
      channel: 'agency',
      sortBy: 'handedOverAt',
      sortDir: 'asc',
      page,
      pageSize: LIST_PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );

  const columns: DataTableColumn<CaseSummary>[] = [
    ...AGENCY_CASE_COLUMNS,
    { accessor: 'agencyOrgName', title: '村（社区）', noWrap: true },
    { accessor: 'agentName', title: '代办员', noWrap: true },
    { accessor: 'handedOverAt', title: '移交时间', render: (row) => <HandedOverCell row={row} /> },
    {
      accessor: 'actions',
      title: '操作',
      textAlign: 'right',
      // Receiving happens on the case's page, where its materials and files are checked again.
      render: (row) => (
        <Button
          size="xs"
          component={Link}
          to={`/cases/${row.id}`}
          aria-label={`核对接收 ${row.caseNo}`}
        >
          核对接收
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="待接收"
        description="村（社区）代办员移交的代办件，先移交的在前：核对材料后接收，材料齐全即受理，不齐则出具一次性告知单。"
      />
      <ListTable<CaseSummary>
        {...listPageProps(list, page, setPage)}
        minHeight={240}
        noRecordsText="没有待接收的代办件"
        columns={columns}
      />
    </>
  );
}
