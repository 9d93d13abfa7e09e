/** The rating view of one visit; a bare route, without the menu or anything about the staff. */
export function ratingPath(caseId: string): string {
  return `/resident/rate/${encodeURIComponent(caseId)}`;
}

/** Where the view goes back to: the page that opened it, else the 工作台. */
export function returnPathOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'returnTo' in state) {
    const { returnTo } = state;
    if (typeof returnTo === 'string' && returnTo.startsWith('/')) return returnTo;
  }
  return '/';
}
