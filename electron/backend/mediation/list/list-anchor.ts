import { z } from 'zod';
import type { MethodParsedInput } from '@shared/api';
import {
  anchorPositions,
  encodeCursor,
  listFingerprint,
  seekFrom,
  type PageSeek,
} from '../../core/page-cursor';
import type { DisputePageRow } from './list-walk';

type ListInput = MethodParsedInput<'mediation.list'>;

/** The key a cursor holds by each order: disputes without a due date go last; 案号 is year and number. */
const KEY_SHAPES: Record<ListInput['sortBy'], z.ZodType<readonly (string | number | null)[]>> = {
  registeredOn: z.tuple([z.string()]),
  dueDate: z.tuple([z.string().nullable()]),
  caseNo: z.tuple([z.number().int(), z.number().int()]),
};

/**
 * The list the request pages through: everything but the page and its anchor. A search pages by
 * offset (its matches are few and sorted whole), so its anchor is never used.
 */
export function disputeSeek(input: ListInput): { seek: PageSeek | null; fingerprint: string } {
  const { page: _page, anchor: _anchor, ...list } = input;
  const fingerprint = listFingerprint({ list: 'mediation.list', ...list });
  const anchor = anchorPositions(input.anchor, fingerprint, KEY_SHAPES[input.sortBy]);
  const seek = anchor && !input.query ? seekFrom(anchor, input.page, input.pageSize) : null;
  return { seek, fingerprint };
}

export function disputeCursors(
  rows: readonly DisputePageRow[],
  fingerprint: string,
): { firstCursor: string | null; lastCursor: string | null } {
  const cursor = (row: DisputePageRow | undefined) => {
    if (!row) return null;
    const key = row.k2 === null ? [row.k] : [row.k, row.k2];
    return encodeCursor(fingerprint, { key, rowid: row.rid });
  };
  return { firstCursor: cursor(rows[0]), lastCursor: cursor(rows.at(-1)) };
}
