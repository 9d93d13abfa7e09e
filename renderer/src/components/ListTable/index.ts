export { ListTable, type ListPaging, type ListTableProps } from './ListTable';
export { LIST_PAGE_SIZE, listPageProps } from './pagination';
