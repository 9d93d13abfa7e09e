/** How many rows a list screen asks for at a time, unless the person picks another size. */
export const LIST_PAGE_SIZE = 20;

type PaginationControl = 'first' | 'last' | 'previous' | 'next';

/** mantine-datatable's pagination in Chinese: the buttons' names and the "第 1–20 条，共 45 条" line. */
export const PAGINATION_LABELS: Record<PaginationControl, string> = {
  first: '第一页',
  last: '最后一页',
  previous: '上一页',
  next: '下一页',
};

interface PaginationRange {
  from: number;
  to: number;
  totalRecords: number;
}

export function paginationText({ from, to, totalRecords }: PaginationRange): string {
  return `第 ${from}–${to} 条，共 ${totalRecords} 条`;
}

/**
 * For the lists whose backend stops counting at a cap (totalIsLowerBound): past it the total is the
 * cap, so the line says “超过 10000 条” rather than a count that would be wrong.
 */
export function cappedPaginationText(
  totalIsLowerBound: boolean | undefined,
): (range: PaginationRange) => string {
  return (range) =>
    totalIsLowerBound
      ? `第 ${range.from}–${range.to} 条，超过 ${range.totalRecords} 条`
      : paginationText(range);
}

/** What a list method's query gives a table: see TanStack Query's result. */
interface ListQuery<T> {
  isFetching: boolean;
  data?: { rows: T[]; total: number; totalIsLowerBound?: boolean } | undefined;
}

/**
 * The rows, the loading state and the paging of one page of a list method's answer, for a list that
 * asks for LIST_PAGE_SIZE rows at a time: `<ListTable {...listPageProps(list, page, setPage)} …>`.
 */
export function listPageProps<T>(
  list: ListQuery<T>,
  page: number,
  onPageChange: (page: number) => void,
) {
  return {
    fetching: list.isFetching,
    records: list.data?.rows ?? [],
    paging: {
      page,
      onPageChange,
      pageSize: LIST_PAGE_SIZE,
      total: list.data?.total ?? 0,
      totalIsLowerBound: list.data?.totalIsLowerBound,
    },
  };
}
