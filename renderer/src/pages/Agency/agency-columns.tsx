import { Anchor } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import type { DataTableColumn } from 'mantine-datatable';
import { Link } from 'react-router';

/** What both agency tables (代办, 待接收) open with: which case, for whom, for what. */
export const AGENCY_CASE_COLUMNS: DataTableColumn<CaseSummary>[] = [
  {
    accessor: 'caseNo',
    title: '案件编号',
    noWrap: true,
    render: (row) => (
      <Anchor component={Link} to={`/cases/${row.id}`} size="sm">
        {row.caseNo}
      </Anchor>
    ),
  },
  { accessor: 'applicantName', title: '申请人', noWrap: true },
  { accessor: 'itemName', title: '事项' },
];
