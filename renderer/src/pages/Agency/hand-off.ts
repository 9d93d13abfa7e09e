import { shanghaiDate } from '@shared/domain/calendar/plain-date';

/** Handed over after the end of its limit day, in Beijing time. */
export function handedOverLate(row: {
  handoffDueDate: string | null;
  handedOverAt: string | null;
}): boolean {
  if (!row.handoffDueDate || !row.handedOverAt) return false;
  return shanghaiDate(row.handedOverAt) > row.handoffDueDate;
}
