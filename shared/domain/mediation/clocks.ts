import { addDays, addMonths, daysBetween } from '../calendar/plain-date';

/**
 * The clocks of a dispute case. Every date is 'YYYY-MM-DD' in Asia/Shanghai and `today` is passed in.
 * Periods follow 民法典 arts. 201–202: the start day is not counted, a month ends on the corresponding
 * day (or the month's last day when there is none). The statutory roll-forward of a last day that falls
 * on a holiday (民法典 art. 203) is deliberately not applied: the warning then comes a day or two
 * early, never late, and the rules need no holiday calendar.
 */

/** 'due_soon' within this many days of the last day, the last day itself included. */
export const DUE_SOON_DAYS = 5;
const JUDICIAL_CONFIRMATION_DAYS = 30;
const FOLLOW_UP_DAYS = 15;

type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';

export const DISPUTE_DEADLINE_LABELS: Record<DeadlineStatus, string> = {
  ok: '未到期',
  due_soon: '即将到期',
  overdue: '已超期',
};

interface DeadlineState {
  dueDate: string;
  /** Days from today to the due date: 0 on the day itself, negative once it has passed. */
  daysLeft: number;
  status: DeadlineStatus;
}

export function deadlineStatus(dueDate: string, today: string): DeadlineState {
  const daysLeft = daysBetween(today, dueDate);
  const status = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
  return { dueDate, daysLeft, status };
}

/**
 * "Concluded within one month of acceptance" read as one calendar month (民法典 art. 202), not 30
 * days: accepted 2026-01-31 → due 2026-02-28; 2028-01-31 → 2028-02-29; 2026-03-15 → 2026-04-15.
 */
export function targetDueDate(acceptedOn: string): string {
  return addMonths(acceptedOn, 1);
}

export interface Extension {
  newDueDate: string;
  /** Every party must consent; the ids are those of the case's parties. */
  consentingPartyIds: readonly string[];
  recordedOn: string;
}

type ExtensionError =
  | { code: 'EXTENSION_CONSENT_MISSING'; message: string; missingPartyIds: string[] }
  | { code: 'EXTENSION_NOT_LATER'; message: string };

/** Whether an extension may be recorded: every party consents and the new date moves the deadline on. */
export function checkExtension(
  currentDueDate: string,
  partyIds: readonly string[],
  extension: Extension,
): ExtensionError | null {
  const missingPartyIds = partyIds.filter((id) => !extension.consentingPartyIds.includes(id));
  // With no parties on record "everyone consented" would hold vacuously; refuse instead.
  if (partyIds.length === 0 || missingPartyIds.length > 0) {
    return {
      code: 'EXTENSION_CONSENT_MISSING',
      message: '延长调解期限须经各方当事人同意，尚有当事人未同意',
      missingPartyIds,
    };
  }
  if (extension.newDueDate <= currentDueDate || extension.newDueDate < extension.recordedOn) {
    return {
      code: 'EXTENSION_NOT_LATER',
      message: '延长后的期限应晚于原期限，且不早于记录当日',
    };
  }
  return null;
}

/** The due date after the extensions recorded (each checked with checkExtension when recorded). */
export function mediationDueDate(acceptedOn: string, extensions: readonly Extension[]): string {
  let due = targetDueDate(acceptedOn);
  for (const extension of extensions) {
    if (extension.newDueDate > due) due = extension.newDueDate;
  }
  return due;
}

export function mediationClock(
  acceptedOn: string,
  extensions: readonly Extension[],
  today: string,
): DeadlineState & { extended: boolean } {
  const dueDate = mediationDueDate(acceptedOn, extensions);
  return { ...deadlineStatus(dueDate, today), extended: dueDate !== targetDueDate(acceptedOn) };
}

type JudicialConfirmationStatus = DeadlineStatus | 'applied' | 'applied_late';

interface JudicialConfirmationWindow {
  lastDay: string;
  daysLeft: number;
  status: JudicialConfirmationStatus;
}

/**
 * The joint application for judicial confirmation is due within 30 days of the agreement taking effect
 * (人民调解法 art. 33; 民事诉讼法, 确认调解协议案件). The effective date is day 0 (民法典 art. 201), so the last
 * day is the effective date + 30 calendar days: effective 2026-03-01 → last day 2026-03-31. An
 * application after that day is kept as 'applied_late' because the court will not accept it.
 */
export function judicialConfirmationWindow(
  effectiveOn: string,
  today: string,
  appliedOn: string | null = null,
): JudicialConfirmationWindow {
  const {
    dueDate: lastDay,
    daysLeft,
    status,
  } = deadlineStatus(addDays(effectiveOn, JUDICIAL_CONFIRMATION_DAYS), today);
  if (appliedOn === null) return { lastDay, daysLeft, status };
  return { lastDay, daysLeft, status: appliedOn <= lastDay ? 'applied' : 'applied_late' };
}

/**
 * The follow-up visit after an agreement is due 15 days after it, or on the first performance deadline
 * if that comes sooner, since a missed first payment is the likeliest sign that the dispute is coming
 * back. Obligations performed on signing day (deadline on or before the agreement date) were witnessed
 * by the mediator and do not pull the visit forward. Oral agreements with no deadlines get 15 days.
 */
export function followUpDueDate(agreedOn: string, obligationDeadlines: readonly string[]): string {
  let due = addDays(agreedOn, FOLLOW_UP_DAYS);
  for (const deadline of obligationDeadlines) {
    if (deadline > agreedOn && deadline < due) due = deadline;
  }
  return due;
}
