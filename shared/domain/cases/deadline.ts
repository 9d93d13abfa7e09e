import {
  addWorkingDays,
  type Counted,
  type HolidayCalendar,
  workingDaysBetween,
} from '../calendar/working-days';

/**
 * Where a case stands against its due date, in working days, so that the 工作台 can warn one working
 * day ahead (a Friday warns for a Monday deadline) and flag what is overdue.
 */

export type DeadlineStatus = 'ok' | 'due_soon' | 'due_today' | 'overdue';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  ok: '未到期',
  due_soon: '即将到期',
  due_today: '今日到期',
  overdue: '已超期',
};

interface Deadline {
  status: DeadlineStatus;
  /** Working days after today up to the due date; negative: working days overdue. */
  workingDaysLeft: number;
}

/** A village agent hands an agency case to the township within 3 working days of taking it in. */
export const AGENCY_HANDOVER_WORKING_DAYS = 3;

/** `today` is the Asia/Shanghai date. */
export function deadlineStatus(
  dueDate: string,
  today: string,
  calendar: HolidayCalendar,
): Counted<Deadline> {
  const { value: workingDaysLeft, missingYears } = workingDaysBetween(today, dueDate, calendar);
  // ISO dates compare as strings in calendar order.
  const status: DeadlineStatus =
    today > dueDate
      ? 'overdue'
      : today === dueDate
        ? 'due_today'
        : workingDaysLeft <= 1
          ? 'due_soon'
          : 'ok';
  return { value: { status, workingDaysLeft }, missingYears };
}

interface HandOverDeadline extends Deadline {
  dueDate: string;
}

/** The hand-off limit of an agency case taken in at the village on `takenOn`. */
export function agencyHandOverDeadline(
  takenOn: string,
  today: string,
  calendar: HolidayCalendar,
): Counted<HandOverDeadline> {
  const due = addWorkingDays(takenOn, AGENCY_HANDOVER_WORKING_DAYS, calendar);
  const deadline = deadlineStatus(due.value, today, calendar);
  const missingYears = [...new Set([...due.missingYears, ...deadline.missingYears])].sort(
    (a, b) => a - b,
  );
  return { value: { ...deadline.value, dueDate: due.value }, missingYears };
}
