import { Alert, Button } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseSummary } from '@shared/api';
import { ApiCallError, useApiMutation, useApiQuery } from '../../api';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { downloadFile } from '../../lib/download';
import { usePageAnchor } from '../../lib/page-anchor';
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
      <ListTable<CaseSummary>
        highlightOnHover
        minHeight={240}
        fetching={list.isFetching}
        noRecordsText={hasFilters(params) ? '没有符合条件的案件' : '还没有案件'}
        records={error ? [] : (list.data?.rows ?? [])}
        paging={{
          page: params.page,
          onPageChange: (page) => {
            anchor.leave(params.page, list.data, list.isPlaceholderData);
            update({ page });
          },
          pageSize: params.pageSize,
          total: error ? 0 : (list.data?.total ?? 0),
          totalIsLowerBound: list.data?.totalIsLowerBound,
          pageSizes: PAGE_SIZES,
          onPageSizeChange: (pageSize) => update({ pageSize }),
        }}
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
