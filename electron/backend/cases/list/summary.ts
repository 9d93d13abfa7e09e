import type { CaseSummary } from '@shared/api/methods/cases';
import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import { deadlineStatus } from '@shared/domain/cases/deadline';
import { runningLimit } from '../workflow/clock';
import type { CaseSummaryRow } from './repository';

function deadlineOf(
  row: CaseSummaryRow,
  today: string,
  calendar: HolidayCalendar,
): CaseSummary['deadline'] {
  const limit = runningLimit(row);
  return limit ? deadlineStatus(limit, today, calendar).value.status : 'none';
}

/**
 * 是否超期: past the limit that runs now, as the list badges 已超期 (a village draft past its hand-off
 * too), or completed after its due date.
 */
export function isOverdue(row: CaseSummaryRow, today: string): boolean {
  if (row.state === 'completed') {
    return (
      row.due_date !== null && row.completed_date !== null && row.completed_date > row.due_date
    );
  }
  const limit = runningLimit(row);
  return limit !== null && limit < today;
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
