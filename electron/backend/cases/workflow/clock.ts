import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import {
  addWorkingDays,
  dueDateWithPause,
  workingDaysBetween,
  type HolidayCalendar,
} from '@shared/domain/calendar/working-days';
import { deadlineStatus, type DeadlineStatus } from '@shared/domain/cases/deadline';
import type { CaseRow } from '../repository';

/**
 * The case clock: promised working days counted from the working day after acceptance, stopped while
 * an accepted case waits for 补正. The invariant kept in the row is
 * due_date = addWorkingDays(accepted_date, promised_days + paused_working_days).
 */

export function acceptanceFields(nowIso: string, promisedDays: number, calendar: HolidayCalendar) {
  const today = shanghaiDate(nowIso);
  return {
    accepted_at: nowIso,
    accepted_date: today,
    due_date: addWorkingDays(today, promisedDays, calendar).value,
  };
}

/**
 * The clock restarts after 补正: the days from the request to the return (both inclusive) do not
 * count. Waiting that began after the due date had passed does not move it: an overdue case stays
 * overdue.
 */
export function resumeFields(
  row: Pick<
    CaseRow,
    'accepted_date' | 'due_date' | 'promised_days' | 'paused_since' | 'paused_working_days'
  >,
  nowIso: string,
  calendar: HolidayCalendar,
) {
  if (!row.accepted_date || !row.due_date || !row.paused_since) {
    throw new Error('only an accepted case that waits for 补正 has a clock to resume');
  }
  const pause = [shanghaiDate(row.paused_since), shanghaiDate(nowIso)] as const;
  const due = dueDateWithPause(
    row.accepted_date,
    row.promised_days + row.paused_working_days,
    [pause],
    calendar,
  ).value;
  return {
    due_date: due,
    paused_since: null,
    paused_working_days:
      row.paused_working_days + workingDaysBetween(row.due_date, due, calendar).value,
  };
}

interface CaseDeadline {
  status: 'none' | DeadlineStatus;
  workingDaysLeft: number | null;
  missingYears: number[];
}

/**
 * The limit a case is measured against now: the promised date while the clock runs, the 3-working-day
 * hand-off while an agency case is still at the village. None while an accepted case waits for 补正
 * (its clock is stopped) or once the case is closed. Lists and the case page both ask this one rule.
 */
export function runningLimit(
  row: Pick<CaseRow, 'state' | 'due_date' | 'handoff_due_date' | 'paused_since'>,
): string | null {
  if ((row.state === 'accepted' || row.state === 'processing') && row.paused_since === null) {
    return row.due_date;
  }
  if (row.state === 'agency_draft') return row.handoff_due_date;
  return null;
}

/** Where the case stands against the limit that runs now. */
export function caseDeadline(
  row: Pick<CaseRow, 'state' | 'due_date' | 'handoff_due_date' | 'paused_since'>,
  today: string,
  calendar: HolidayCalendar,
): CaseDeadline {
  const due = runningLimit(row);
  if (!due) return { status: 'none', workingDaysLeft: null, missingYears: [] };
  const { value, missingYears } = deadlineStatus(due, today, calendar);
  return { status: value.status, workingDaysLeft: value.workingDaysLeft, missingYears };
}
