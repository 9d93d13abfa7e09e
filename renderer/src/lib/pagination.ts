/** mantine-datatable's pagination in Chinese: the buttons' names and the "第 1–20 条，共 45 条" line. */
export const PAGINATION_LABELS: Record<string, string> = {
  first: '第一页',
  last: '最后一页',
  previous: '上一页',
  next: '下一页',
};

export function paginationText({
  from,
  to,
  totalRecords,
}: {
  from: number;
  to: number;
  totalRecords: number;
}): string {
  return `第 ${from}–${to} 条，共 ${totalRecords} 条`;
}
