import type { AUDIT_OUTCOMES, MethodInput } from '@shared/api';
import { LIST_PAGE_SIZE } from '../../components/ListTable/pagination';

export interface AuditFilterValues {
  /** Inclusive dates, YYYY-MM-DD, as @mantine/dates gives them. */
  range: [string | null, string | null];
  username: string;
  action: string | null;
  outcome: (typeof AUDIT_OUTCOMES)[number] | null;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  range: [null, null],
  username: '',
  action: null,
  outcome: null,
};

/** Only the filters that are set go to the backend; an empty one means "any". */
export function toListInput(filters: AuditFilterValues, page: number): MethodInput<'audit.list'> {
  const [from, to] = filters.range;
  const username = filters.username.trim();
  return {
    page,
    pageSize: LIST_PAGE_SIZE,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(username ? { username } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
  };
}
