import type { CaseSummary } from '@shared/api/methods/cases';
import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import { deadlineStatus } from '@shared/domain/cases/deadline';
import { runningLimit } from './clock';
import { CLOCK_RUNNING_STATES, type CaseSummaryRow } from './queries';

const CLOCK_RUNNING: readonly string[] = CLOCK_RUNNING_STATES;

export function deadlineOf(
  row: CaseSummaryRow,
  today: string,
  calendar: HolidayCalendar,
): CaseSummary['deadline'] {
  const limit = runningLimit(row);
  return limit ? deadlineStatus(limit, today, calendar).value.status : 'none';
}

/** 是否超期: still open past its due date, or completed after it. */
export function isOverdue(row: CaseSummaryRow, today: string): boolean {
  if (!row.due_date) return false;
  if (row.state === 'completed')
    return row.completed_date !== null && row.completed_date > row.due_date;
  return CLOCK_RUNNING.includes(row.state) && row.due_date < today;
}

export function toCaseSummary(
  row: CaseSummaryRow,
  today: string,
  calendar: HolidayCalendar,
): CaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    state: row.state,
    itemName: row.item_name,
    itemType: row.item_type,
    applicantName: row.applicant_name,
    residentId: row.resident_id,
    channel: row.channel,
    agencyOrgName: row.agency_org_name,
    agentName: row.agent_name,
    handoffDueDate: row.handoff_due_date,
    handedOverAt: row.handed_over_at,
    createdAt: row.created_at,
    acceptedDate: row.accepted_date,
    dueDate: row.due_date,
    deadline: deadlineOf(row, today, calendar),
    completedDate: row.completed_date,
  };
}
