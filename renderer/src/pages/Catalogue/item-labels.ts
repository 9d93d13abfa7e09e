import type { ServiceItemSummary } from '@shared/api';

/** 当场办结 for an instant item, else the promise in working days. */
export function formatPromise(item: Pick<ServiceItemSummary, 'type' | 'promisedDays'>): string {
  return item.type === 'instant' ? '当场办结' : `${item.promisedDays} 个工作日`;
}

/** Money is stored in fen; people read yuan. */
export function formatFee(feeFen: number): string {
  return feeFen === 0 ? '不收费' : `${(feeFen / 100).toFixed(2)} 元`;
}
