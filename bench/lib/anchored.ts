import type { PageAnchor } from '@shared/api/methods/page-anchor';

interface PageCursors {
  firstCursor: string | null;
  lastCursor: string | null;
}

/**
 * 下一页 as a person reaches a deep page: each input's page q carries the anchor of page q-1,
 * fetched here, untimed, by its number. The cursors are real: the backend gave them.
 */
export async function anchoredPages<I extends { page?: number | undefined }>(
  inputs: readonly I[],
  fetch: (input: I) => Promise<PageCursors>,
): Promise<(I & { anchor: PageAnchor })[]> {
  const anchored: (I & { anchor: PageAnchor })[] = [];
  for (const input of inputs) {
    const previous = (input.page ?? 1) - 1;
    if (previous < 1) throw new Error('an anchored page needs a page before it');
    const shown = await fetch({ ...input, page: previous });
    if (!shown.firstCursor || !shown.lastCursor) {
      throw new Error(`page ${previous} came back empty: the sample pages past the list`);
    }
    anchored.push({
      ...input,
      anchor: { page: previous, first: shown.firstCursor, last: shown.lastCursor },
    });
  }
  return anchored;
}
