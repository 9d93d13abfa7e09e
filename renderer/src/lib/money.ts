/** Money is stored in integer fen; people type and read yuan. */

/** 12,000.00 元; a dash when there is no amount. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = (fen / 100).toLocaleString('zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${yuan} 元`;
}

/** A yuan amount from a number input (at most two decimals) as fen; empty stays empty. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === '' || yuan === null || yuan === undefined) return null;
  const value = typeof yuan === 'number' ? yuan : Number(yuan);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export function fenToYuan(fen: number | null | undefined): number | '' {
  return fen === null || fen === undefined ? '' : fen / 100;
}

/** A service item's fee: most township items cost nothing, which the counter says in words. */
export function formatFee(fen: number): string {
  return fen === 0 ? '免费' : formatFen(fen);
}
