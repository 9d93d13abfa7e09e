import { useState } from 'react';
import type { PageAnchor } from '@shared/api/methods/page-anchor';

interface ShownPage {
  firstCursor: string | null;
  lastCursor: string | null;
}

/**
 * Anchored paging (shared/api/methods/page-anchor.ts): on a page change the list request carries
 * the cursors of the page on screen, so that 下一页 at page 500 reads from there instead of from
 * the first case. A change of filters or order drops the anchor; one left over from another list
 * would only be ignored by the backend.
 */
export function usePageAnchor() {
  const [anchor, setAnchor] = useState<PageAnchor | null>(null);
  return {
    /** The anchor for a request of `page`: none for the anchor's own page, which needs none. */
    anchorFor(page: number): { anchor?: PageAnchor } {
      return anchor && anchor.page !== page ? { anchor } : {};
    },
    /** Before leaving `page`: its rows as shown become the anchor, unless they are an older page's. */
    leave(page: number, shown: ShownPage | undefined, isPlaceholder: boolean) {
      if (!shown?.firstCursor || !shown.lastCursor || isPlaceholder) return;
      setAnchor({ page, first: shown.firstCursor, last: shown.lastCursor });
    },
    reset() {
      setAnchor(null);
    },
  };
}
