import { addDays } from '@shared/domain/calendar/plain-date';

/**
 * The first day an extension may run to, by the backend's rule (checkExtension): later than the
 * current due date and not before the day it is recorded. An overdue case is often the one being
 * extended, so the day after the old due date can already be past.
 */
export function earliestExtendedDueDate(currentDueDate: string, today: string): string {
  const dayAfter = addDays(currentDueDate, 1);
  return dayAfter > today ? dayAfter : today;
}
