import { caseListInputSchema, type MethodInput } from '@shared/api';
import type { PageAnchor } from '@shared/api/methods/page-anchor';
import { caseStateSchema, type CaseState } from '@shared/domain/cases/case-workflow';
import { LIST_PAGE_SIZE } from '../../components/ListTable/pagination';

export type CaseSortBy = 'createdAt' | 'dueDate' | 'caseNo';
export type CaseChannel = 'counter' | 'agency';

/** The list as the address bar holds it, so that 返回 from a case finds the same page and filters. */
export interface CaseListParams {
  query: string;
  states: CaseState[];
  itemId: string | null;
  /** Inclusive dates of intake, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  channel: CaseChannel | null;
  agentUserId: string | null;
  overdueOnly: boolean;
  page: number;
  pageSize: number;
  sortBy: CaseSortBy;
  sortDir: 'asc' | 'desc';
}

export const PAGE_SIZES = [LIST_PAGE_SIZE, 50, 100];

export const DEFAULT_PARAMS: CaseListParams = {
  query: '',
  states: [],
  itemId: null,
  from: null,
  to: null,
  channel: null,
  agentUserId: null,
  overdueOnly: false,
  page: 1,
  pageSize: LIST_PAGE_SIZE,
  sortBy: 'createdAt',
  sortDir: 'desc',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SORTS: readonly CaseSortBy[] = ['createdAt', 'dueDate', 'caseNo'];
const CHANNELS: readonly CaseChannel[] = ['counter', 'agency'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/** An old or hand-edited link falls back to the defaults field by field instead of failing. */
export function readParams(search: URLSearchParams): CaseListParams {
  const states = (search.get('states') ?? '')
    .split(',')
    .filter((state): state is CaseState => caseStateSchema.safeParse(state).success);
  const date = (key: string) => {
    const value = search.get(key);
    return value && DATE.test(value) ? value : null;
  };
  const pageSize = positive(search.get('size'), DEFAULT_PARAMS.pageSize);
  return {
    query: search.get('q') ?? '',
    states,
    itemId: search.get('item') || null,
    from: date('from'),
    to: date('to'),
    channel: oneOf(search.get('channel'), CHANNELS),
    agentUserId: search.get('agent') || null,
    overdueOnly: search.get('overdue') === '1',
    page: positive(search.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PARAMS.pageSize,
    sortBy: oneOf(search.get('sort'), SORTS) ?? DEFAULT_PARAMS.sortBy,
    sortDir: search.get('dir') === 'asc' ? 'asc' : 'desc',
  };
}

/** Only what differs from the defaults goes into the address. */
export function writeParams(params: CaseListParams): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== '' && value !== fallback) search.set(key, value);
  };
  set('q', params.query);
  set('states', params.states.join(','));
  set('item', params.itemId);
  set('from', params.from);
  set('to', params.to);
  set('channel', params.channel);
  set('agent', params.agentUserId);
  set('overdue', params.overdueOnly ? '1' : null);
  set('page', String(params.page), '1');
  set('size', String(params.pageSize), String(DEFAULT_PARAMS.pageSize));
  set('sort', params.sortBy, DEFAULT_PARAMS.sortBy);
  set('dir', params.sortDir, DEFAULT_PARAMS.sortDir);
  return search;
}

export function hasFilters(params: CaseListParams): boolean {
  return (
    params.query !== '' ||
    params.states.length > 0 ||
    params.itemId !== null ||
    params.from !== null ||
    params.to !== null ||
    params.channel !== null ||
    params.agentUserId !== null ||
    params.overdueOnly
  );
}

/** The filters and order of the list, without its page: what 导出Excel exports. */
export function toExportInput(params: CaseListParams): MethodInput<'cases.exportExcel'> {
  return {
    query: params.query.trim(),
    states: params.states,
    ...(params.itemId ? { itemId: params.itemId } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.channel ? { channel: params.channel } : {}),
    ...(params.agentUserId ? { agentUserId: params.agentUserId } : {}),
    overdueOnly: params.overdueOnly,
    sortBy: params.sortBy,
    sortDir: params.sortDir,
  };
}

/** `anchor`: the page on screen when the page changed (usePageAnchor), if any. */
export function toListInput(
  params: CaseListParams,
  anchor: { anchor?: PageAnchor } = {},
): MethodInput<'cases.list'> {
  return { ...toExportInput(params), page: params.page, pageSize: params.pageSize, ...anchor };
}

/** The contract's own limits, so that a link the backend would refuse is never sent. */
export const QUERY_MAX_LENGTH = caseListInputSchema.shape.query.unwrap().maxLength ?? 40;
