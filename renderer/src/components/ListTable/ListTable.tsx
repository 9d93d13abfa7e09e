import { DataTable, type DataTableProps } from 'mantine-datatable';
import { cappedPaginationText, PAGINATION_LABELS } from './pagination';

/** One page of a longer list, as the backend's list methods answer it. */
export interface ListPaging {
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
  total: number;
  /** The backend stopped counting at its cap: the line then says “超过” instead of “共”. */
  totalIsLowerBound?: boolean | undefined;
  /** Sizes the person may pick from; without them the page size is fixed. */
  pageSizes?: number[];
  onPageSizeChange?: (pageSize: number) => void;
}

/** The pagination is set through `paging` only, so every list names its buttons and counts alike. */
interface NoPaginationProps {
  page?: never;
  onPageChange?: never;
  totalRecords?: never;
  recordsPerPage?: never;
  recordsPerPageOptions?: never;
  onRecordsPerPageChange?: never;
  recordsPerPageLabel?: never;
  paginationText?: never;
  getPaginationControlProps?: never;
}

export type ListTableProps<T> = DataTableProps<T> & NoPaginationProps & { paging?: ListPaging };

function paginationProps(paging: ListPaging) {
  return {
    page: paging.page,
    onPageChange: paging.onPageChange,
    totalRecords: paging.total,
    recordsPerPage: paging.pageSize,
    paginationText: cappedPaginationText(paging.totalIsLowerBound),
    getPaginationControlProps: (control: keyof typeof PAGINATION_LABELS) => ({
      'aria-label': PAGINATION_LABELS[control],
    }),
    ...(paging.pageSizes
      ? {
          recordsPerPageOptions: paging.pageSizes,
          recordsPerPageLabel: '每页条数',
          onRecordsPerPageChange: paging.onPageSizeChange,
        }
      : {}),
  };
}

/** Every list screen's table: bordered, striped, and paged in Chinese when the list is paged. */
export function ListTable<T>({ paging, ...table }: ListTableProps<T>) {
  const props = {
    withTableBorder: true,
    striped: true,
    ...table,
    ...(paging ? paginationProps(paging) : {}),
  } as DataTableProps<T>;
  return <DataTable<T> {...props} />;
}
