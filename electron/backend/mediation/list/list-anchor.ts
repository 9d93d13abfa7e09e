import { z } from 'zod';
import type { MethodParsedInput } from '@shared/api';
import { anchoredSeek, pageCursors, type PageSeek } from '../../core/page-cursor';
import type { DisputePageRow } from './list-walk';

type ListInput = MethodParsedInput<'mediation.list'>;

/** The key a cursor holds by each order: disputes without a due date go last; 案号 is year and number. */
const KEY_SHAPES: Record<ListInput['sortBy'], z.ZodType<readonly (string | number | null)[]>> = {
  registeredOn: z.tuple([z.string()]),
  dueDate: z.tuple([z.string().nullable()]),
  caseNo: z.tuple([z.number().int(), z.number().int()]),
};

/**
 * The seek to the requested page from its anchor. A search pages by offset (its matches are few and
 * sorted whole), so its anchor is never used.
 */
export function disputeSeek(input: ListInput): { seek: PageSeek | null; fingerprint: string } {
  const { seek, fingerprint } = anchoredSeek('mediation.list', input, KEY_SHAPES[input.sortBy]);
  return { seek: input.query ? null : seek, fingerprint };
}

export function disputeCursors(
  rows: readonly DisputePageRow[],
  fingerprint: string,
): { firstCursor: string | null; lastCursor: string | null } {
  return pageCursors(rows, fingerprint, (row) => ({
    key: row.k2 === null ? [row.k] : [row.k, row.k2],
    rowid: row.rid,
  }));
}
