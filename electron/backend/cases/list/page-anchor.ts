import { z } from 'zod';
import type { MethodParsedInput } from '@shared/api';
import { anchoredSeek, pageCursors, type PageSeek } from '../../core/page-cursor';
import type { CasePageRow } from './repository';

type ListInput = MethodParsedInput<'cases.list'>;

/** Due date and hand-over time: some cases lack them (walk-sql.ts NULLABLE_KEYS). */
const NULLABLE_SORTS: readonly ListInput['sortBy'][] = ['dueDate', 'handedOverAt'];

/**
 * The seek to the requested page from its anchor. `today` is not in the input: 只看超期 of another
 * day is the same list a day on, and the anchor's row still places it.
 */
export function caseSeek(input: ListInput): { seek: PageSeek | null; fingerprint: string } {
  const key = NULLABLE_SORTS.includes(input.sortBy) ? z.string().nullable() : z.string();
  return anchoredSeek('cases.list', input, z.tuple([key]));
}

export function caseCursors(
  rows: readonly CasePageRow[],
  fingerprint: string,
): { firstCursor: string | null; lastCursor: string | null } {
  return pageCursors(rows, fingerprint, (row) => ({ key: [row.k], rowid: row.rid }));
}
