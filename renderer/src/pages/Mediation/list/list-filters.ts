import type { MethodInput } from '@shared/api';
import type { DisputeState } from '@shared/domain/mediation/workflow';
import type { DisputeType, RiskLevel } from '@shared/domain/mediation/vocabulary';
import { LIST_PAGE_SIZE } from '../../../components/ListTable/pagination';

export interface DisputeListFilters {
  query: string;
  states: DisputeState[];
  types: DisputeType[];
  riskLevels: RiskLevel[];
  deadline: 'due_soon' | 'overdue' | null;
  /** Registration dates, both ends included. */
  range: [string | null, string | null];
  access: 'all' | 'owner' | 'reader';
}

export const EMPTY_LIST_FILTERS: DisputeListFilters = {
  query: '',
  states: [],
  types: [],
  riskLevels: [],
  deadline: null,
  range: [null, null],
  access: 'all',
};

type DisputeSortColumn = 'registeredOn' | 'dueDate' | 'caseNo';
export interface DisputeSortStatus {
  columnAccessor: DisputeSortColumn;
  direction: 'asc' | 'desc';
}

export function toDisputeListInput(
  filters: DisputeListFilters,
  page: number,
  sort: DisputeSortStatus,
): MethodInput<'mediation.list'> {
  const [from, to] = filters.range;
  return {
    page,
    pageSize: LIST_PAGE_SIZE,
    query: filters.query.trim(),
    states: filters.states,
    types: filters.types,
    riskLevels: filters.riskLevels,
    access: filters.access,
    sortBy: sort.columnAccessor,
    sortDir: sort.direction,
    ...(filters.deadline ? { deadline: filters.deadline } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
