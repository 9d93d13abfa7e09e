import { z } from 'zod';
import type { MethodParsedInput } from '@shared/api';
import {
  anchorPositions,
  encodeCursor,
  listFingerprint,
  seekFrom,
  type PageSeek,
} from '../../core/page-cursor';
import type { CasePageRow } from './repository';

type ListInput = MethodParsedInput<'cases.list'>;

/** Due date and hand-over time: some cases lack them (walk-sql.ts NULLABLE_KEYS). */
const NULLABLE_SORTS: readonly ListInput['sortBy'][] = ['dueDate', 'handedOverAt'];

/**
 * The list the request pages through: everything but the page and its anchor. `today` is left
 * out: 只看超期 of another day is the same list a day on, and the anchor's row still places it.
 */
function fingerprintOf(input: ListInput): string {
  const { page: _page, anchor: _anchor, ...list } = input;
  return listFingerprint({ list: 'cases.list', ...list });
}

/** The seek to the requested page from its anchor, when one of the same list is given and near. */
export function caseSeek(input: ListInput): { seek: PageSeek | null; fingerprint: string } {
  const fingerprint = fingerprintOf(input);
  const key = NULLABLE_SORTS.includes(input.sortBy) ? z.string().nullable() : z.string();
  const anchor = anchorPositions(input.anchor, fingerprint, z.tuple([key]));
  return { seek: anchor && seekFrom(anchor, input.page, input.pageSize), fingerprint };
}

export function caseCursors(
  rows: readonly CasePageRow[],
  fingerprint: string,
): { firstCursor: string | null; lastCursor: string | null } {
  const cursor = (row: CasePageRow | undefined) =>
    row ? encodeCursor(fingerprint, { key: [row.k], rowid: row.rid }) : null;
  return { firstCursor: cursor(rows[0]), lastCursor: cursor(rows.at(-1)) };
}
