import { Alert, Button } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseSummary } from '@shared/api';
import { ApiCallError, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { downloadFile } from '../../lib/download';
import { usePageAnchor } from '../../lib/page-anchor';
import { cappedPaginationText } from '../../lib/pagination';
import { CASE_COLUMNS } from './case-columns';
import {
  DEFAULT_PARAMS,
  hasFilters,
  PAGE_SIZES,
  readParams,
  toExportInput,
  toListInput,
  writeParams,
  type CaseListParams,
  type CaseSortBy,
} from './case-list-params';
import { CaseFilters } from './CaseFilters';

const PAGINATION_LABELS: Record<string, string> = {
  first: '第一页',
  last: '最后一页',
  previous: '上一页',
  next: '下一页',
};

export function CaseListPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const [searchText, setSearchText] = useState(params.query);
  const anchor = usePageAnchor();

  function update(patch: Partial<CaseListParams>) {
    // Any change but paging starts again on the first page, without an anchor.
    const paging = 'page' in patch;
    if (!paging) anchor.reset();
    const page = paging ? (patch.page ?? 1) : 1;
    setSearch(writeParams({ ...params, ...patch, page }), { replace: true });
  }
  const searchSoon = useDebouncedCallback((text: string) => update({ query: text.trim() }), 350);

  const list = useApiQuery('cases.list', toListInput(params, anchor.anchorFor(params.page)), {
    placeholderData: keepPreviousData,
    meta: { errorShownInline: true },
  });
  const exportExcel = useApiMutation('cases.exportExcel', {
    onSuccess: (file) => downloadFile(file),
  });

  const error = list.error instanceof ApiCallError ? list.error : null;
  const searchError = error?.code === 'QUERY_TOO_SHORT' ? error.message : null;
  const sortStatus: DataTableSortStatus<CaseSummary> = {
    columnAccessor: params.sortBy,
    direction: params.sortDir,
  };

  return (
    <>
      <PageHeader
        title="案件"
        description="按状态、事项、日期和代办筛选；点击一行查看办理详情。"
        actions={
          <Button
            variant="light"
            loading={exportExcel.isPending}
            onClick={() => exportExcel.mutate(toExportInput(params))}
          >
            导出Excel
          </Button>
        }
      />
      <CaseFilters
        params={params}
        searchText={searchText}
        onSearchTextChange={(text) => {
          setSearchText(text);
          searchSoon(text);
        }}
        onSearchSubmit={() => {
          searchSoon.cancel();
          update({ query: searchText.trim() });
        }}
        searchError={searchError}
        onChange={update}
        onReset={() => {
          searchSoon.cancel();
          setSearchText('');
          anchor.reset();
          setSearch(
            writeParams({ ...DEFAULT_PARAMS, sortBy: params.sortBy, sortDir: params.sortDir }),
            {
              replace: true,
            },
          );
        }}
      />
      {error && !searchError ? (
        <Alert color="red" role="alert" mb="md" title="案件列表未能载入">
          {error.message}
        </Alert>
      ) : null}
      <DataTable
        withTableBorder
        striped
        highlightOnHover
        minHeight={240}
        fetching={list.isFetching}
        noRecordsText={hasFilters(params) ? '没有符合条件的案件' : '还没有案件'}
        records={error ? [] : (list.data?.rows ?? [])}
        totalRecords={error ? 0 : (list.data?.total ?? 0)}
        recordsPerPage={params.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        recordsPerPageLabel="每页条数"
        onRecordsPerPageChange={(pageSize) => update({ pageSize })}
        page={params.page}
        onPageChange={(page) => {
          anchor.leave(params.page, list.data, list.isPlaceholderData);
          update({ page });
        }}
        paginationText={cappedPaginationText(list.data?.totalIsLowerBound)}
        getPaginationControlProps={(control) => ({ 'aria-label': PAGINATION_LABELS[control] })}
        sortStatus={sortStatus}
        onSortStatusChange={({ columnAccessor, direction }) =>
          update({ sortBy: columnAccessor as CaseSortBy, sortDir: direction })
        }
        onRowClick={({ record }) => void navigate(`/cases/${record.id}`)}
        columns={CASE_COLUMNS}
      />
    </>
  );
}
