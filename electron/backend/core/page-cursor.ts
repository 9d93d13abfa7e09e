import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from './errors';

/**
 * A list cursor: the sort position of one row (its sort key and rowid) and a fingerprint of the
 * list it came from (filters, sort, page size), as base64url of JSON. Opaque to the renderer; a
 * cursor of another list is ignored (the page is then found by number), a malformed one refused.
 */
export interface SortPosition {
  /** The sort key; null for a row that lacks it (those go last), two values for a case number. */
  key: readonly (string | number | null)[];
  rowid: number;
}

const cursorSchema = z.object({
  f: z.string().min(1).max(64),
  k: z
    .array(z.union([z.string().max(100), z.number().int(), z.null()]))
    .min(1)
    .max(2),
  r: z.number().int().positive(),
});

const INVALID_CURSOR_MESSAGE = '翻页位置无效，请回到第一页重新翻页';

/** The list a cursor belongs to: any input that changes the rows or their pages. */
function listFingerprint(list: unknown): string {
  return createHash('sha256').update(JSON.stringify(list)).digest('base64url').slice(0, 16);
}

function encodeCursor(fingerprint: string, position: SortPosition): string {
  const json = JSON.stringify({ f: fingerprint, k: position.key, r: position.rowid });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * The position a cursor holds, or null when it belongs to another list. `keyShape` checks the key
 * against the list's sort (a date string, or null for a key some rows lack; two integers for a
 * case number), so that a forged key cannot reach the SQL as the wrong type.
 */
function decodeCursor(
  cursor: string,
  fingerprint: string,
  keyShape: z.ZodType<readonly (string | number | null)[]>,
): SortPosition | null {
  const parsed = cursorSchema.safeParse(parseJson(cursor));
  if (!parsed.success) throw invalidCursor();
  if (parsed.data.f !== fingerprint) return null;
  const key = keyShape.safeParse(parsed.data.k);
  if (!key.success) throw invalidCursor();
  return { key: key.data, rowid: parsed.data.r };
}

function parseJson(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function invalidCursor(): DomainError {
  return new DomainError('INVALID_CURSOR', INVALID_CURSOR_MESSAGE);
}

/** How a request reaches its page from an anchor: past which row, in which order, skipping how many. */
export interface PageSeek {
  from: SortPosition;
  /** True: the page lies before the anchor, read in reverse order from its first row. */
  backward: boolean;
  /** Rows between the anchor and the page. */
  skip: number;
}

/**
 * The seek from the anchor to `page`, when it reads fewer rows than the page's offset does; null
 * when the page is best found by number (page 1, a jump far from the anchor, the anchor's own page).
 */
export function seekFrom(
  anchor: { page: number; first: SortPosition; last: SortPosition },
  page: number,
  pageSize: number,
): PageSeek | null {
  if (page === anchor.page) return null;
  const skip = (Math.abs(page - anchor.page) - 1) * pageSize;
  if (skip >= (page - 1) * pageSize) return null;
  const backward = page < anchor.page;
  return { from: backward ? anchor.first : anchor.last, backward, skip };
}

/** The anchor of a list request as positions, or null when it is absent or of another list. */
function anchorPositions(
  anchor: { page: number; first: string; last: string } | undefined,
  fingerprint: string,
  keyShape: z.ZodType<readonly (string | number | null)[]>,
): { page: number; first: SortPosition; last: SortPosition } | null {
  if (!anchor) return null;
  const first = decodeCursor(anchor.first, fingerprint, keyShape);
  const last = decodeCursor(anchor.last, fingerprint, keyShape);
  return first && last ? { page: anchor.page, first, last } : null;
}

interface PagedInput {
  page: number;
  pageSize: number;
  anchor?: { page: number; first: string; last: string } | undefined;
}

/**
 * The seek to the requested page from its anchor, when one of the same list is given and near, and
 * the fingerprint of the list the request pages through: `name` and everything in the input but the
 * page and its anchor.
 */
export function anchoredSeek(
  name: string,
  input: PagedInput,
  keyShape: z.ZodType<readonly (string | number | null)[]>,
): { seek: PageSeek | null; fingerprint: string } {
  const { page: _page, anchor: _anchor, ...list } = input;
  const fingerprint = listFingerprint({ list: name, ...list });
  const anchor = anchorPositions(input.anchor, fingerprint, keyShape);
  return { seek: anchor && seekFrom(anchor, input.page, input.pageSize), fingerprint };
}

/** The cursors of a page's first and last rows, which the next request sends back as its anchor. */
export function pageCursors<Row>(
  rows: readonly Row[],
  fingerprint: string,
  positionOf: (row: Row) => SortPosition,
): { firstCursor: string | null; lastCursor: string | null } {
  const cursor = (row: Row | undefined) =>
    row === undefined ? null : encodeCursor(fingerprint, positionOf(row));
  return { firstCursor: cursor(rows[0]), lastCursor: cursor(rows.at(-1)) };
}
