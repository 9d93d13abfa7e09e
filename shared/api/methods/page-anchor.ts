import { z } from 'zod';

/**
 * Anchored paging: a list answers with opaque cursors for the sort positions of its page's first
 * and last rows, and the next request may carry them with the page they came from. A page near the
 * anchor (下一页, 上一页, a page number a few away) is then read from the anchor on, instead of
 * walking every row before it; without an anchor, or with one for another sort or filter, a page is
 * found by its number alone.
 */
const pageCursorSchema = z.string().min(1).max(400);

export const pageAnchorSchema = z.object({
  /** The page the cursors belong to. */
  page: z.number().int().min(1),
  first: pageCursorSchema,
  last: pageCursorSchema,
});
export type PageAnchor = z.infer<typeof pageAnchorSchema>;

/** The returned page's first and last rows, as cursors; null when the page is empty. */
export const pageCursorsSchema = {
  firstCursor: pageCursorSchema.nullable().default(null),
  lastCursor: pageCursorSchema.nullable().default(null),
};
