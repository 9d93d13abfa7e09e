import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../calendar/working-days';
import { agencyHandOverDeadline, DEADLINE_STATUS_LABELS, deadlineStatus } from './deadline';

// National Day + Mid-Autumn 2025 with its make-up days; 2026 deliberately absent.
const calendar: HolidayCalendar = {
  years: {
    2025: {
      holidays: [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      workdays: ['2025-09-28', '2025-10-11'],
    },
  },
};

describe('deadlineStatus', () => {
  it.each([
    ['2025-10-14', '2025-10-10', 'ok', 3],
    ['2025-10-14', '2025-10-11', 'ok', 2],
    ['2025-10-14', '2025-10-12', 'ok', 2],
    ['2025-10-14', '2025-10-13', 'due_soon', 1],
    ['2025-10-14', '2025-10-14', 'due_today', 0],
    ['2025-10-14', '2025-10-15', 'overdue', -1],
    ['2025-10-14', '2025-10-18', 'overdue', -3],
    // The last working day before a long holiday already warns for the first day after it.
    ['2025-10-09', '2025-09-30', 'due_soon', 1],
    ['2025-10-09', '2025-10-05', 'due_soon', 1],
    ['2025-10-09', '2025-09-29', 'ok', 2],
    // A Friday warns for a Monday deadline.
    ['2025-10-20', '2025-10-17', 'due_soon', 1],
  ] as const)('due %s, today %s: %s (%i working days left)', (due, today, status, left) => {
    expect(deadlineStatus(due, today, calendar)).toEqual({
      value: { status, workingDaysLeft: left },
      missingYears: [],
    });
  });

  it('says when it had to assume Monday–Friday', () => {
    expect(deadlineStatus('2026-01-05', '2025-12-31', calendar)).toEqual({
      value: { status: 'ok', workingDaysLeft: 3 },
      missingYears: [2026],
    });
  });
});

describe('DEADLINE_STATUS_LABELS: what the screens call each status', () => {
  it.each([
    ['2025-10-10', '未到期'],
    ['2025-10-13', '即将到期'],
    ['2025-10-14', '今日到期'],
    ['2025-10-15', '已超期'],
  ] as const)('due 2025-10-14, today %s → %s', (today, label) => {
    expect(DEADLINE_STATUS_LABELS[deadlineStatus('2025-10-14', today, calendar).value.status]).toBe(
      label,
    );
  });
});

describe('agencyHandOverDeadline', () => {
  // Taken in Mon 09-29: 09-30 (1), holiday, 10-09 (2), 10-10 (3).
  it.each([
    ['2025-09-29', 'ok', 3],
    ['2025-10-08', 'ok', 2],
    ['2025-10-09', 'due_soon', 1],
    ['2025-10-10', 'due_today', 0],
    ['2025-10-11', 'overdue', -1],
  ] as const)('taken in 2025-09-29, today %s: %s', (today, status, left) => {
    expect(agencyHandOverDeadline('2025-09-29', today, calendar)).toEqual({
      value: { dueDate: '2025-10-10', status, workingDaysLeft: left },
      missingYears: [],
    });
  });

  it('collects the missing years of both the due date and the status', () => {
    expect(agencyHandOverDeadline('2025-12-30', '2025-12-30', calendar).missingYears).toEqual([
      2026,
    ]);
  });
});
