import { describe, expect, it } from 'vitest';
import {
  type Extension,
  checkExtension,
  deadlineStatus,
  DISPUTE_DEADLINE_LABELS,
  followUpDueDate,
  judicialConfirmationWindow,
  mediationClock,
  mediationDueDate,
  targetDueDate,
} from './clocks';

describe('targetDueDate: one calendar month from acceptance', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2028-01-29', '2028-02-29'],
    ['2028-02-29', '2028-03-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
  ] as const)('accepted %s → due %s', (acceptedOn, due) => {
    expect(targetDueDate(acceptedOn)).toBe(due);
  });
});

describe('deadlineStatus', () => {
  it.each([
    ['2026-02-20', 'ok', 8],
    ['2026-02-22', 'ok', 6],
    ['2026-02-23', 'due_soon', 5],
    ['2026-02-28', 'due_soon', 0],
    ['2026-03-01', 'overdue', -1],
    ['2026-04-01', 'overdue', -32],
  ] as const)('due 2026-02-28, today %s → %s (%d days left)', (today, status, daysLeft) => {
    expect(deadlineStatus('2026-02-28', today)).toEqual({
      dueDate: '2026-02-28',
      daysLeft,
      status,
    });
  });
});

describe('DISPUTE_DEADLINE_LABELS: what the screens call each status', () => {
  it.each([
    ['2026-02-22', '未到期'],
    ['2026-02-23', '即将到期'],
    ['2026-02-28', '即将到期'],
    ['2026-03-01', '已超期'],
  ] as const)('due 2026-02-28, today %s → %s', (today, label) => {
    expect(DISPUTE_DEADLINE_LABELS[deadlineStatus('2026-02-28', today).status]).toBe(label);
  });
});

describe('extensions', () => {
  const parties = ['p1', 'p2'];
  const extension = (
    newDueDate: string,
    consentingPartyIds: string[],
    recordedOn = '2026-02-20',
  ): Extension => ({ newDueDate, consentingPartyIds, recordedOn });

  it.each([
    ['both parties consent', parties, extension('2026-03-15', ['p2', 'p1']), null],
    [
      'one party has not consented',
      parties,
      extension('2026-03-15', ['p1']),
      'EXTENSION_CONSENT_MISSING',
    ],
    [
      'the third party has not consented',
      ['p1', 'p2', 'p3'],
      extension('2026-03-15', parties),
      'EXTENSION_CONSENT_MISSING',
    ],
    ['no parties on record', [], extension('2026-03-15', []), 'EXTENSION_CONSENT_MISSING'],
    [
      'the new date is the old one',
      parties,
      extension('2026-02-28', parties),
      'EXTENSION_NOT_LATER',
    ],
    ['the new date is earlier', parties, extension('2026-02-27', parties), 'EXTENSION_NOT_LATER'],
    [
      'the new date is already past',
      parties,
      extension('2026-03-05', parties, '2026-03-10'),
      'EXTENSION_NOT_LATER',
    ],
  ] as const)('%s → %s', (_, partyIds, ext, code) => {
    expect(checkExtension('2026-02-28', partyIds, ext)?.code ?? null).toBe(code);
  });

  it('names the parties whose consent is missing', () => {
    const error = checkExtension('2026-02-28', ['p1', 'p2', 'p3'], extension('2026-03-15', ['p2']));
    expect(error).toMatchObject({ missingPartyIds: ['p1', 'p3'] });
  });

  it.each([
    [[], '2026-02-28', false],
    [[extension('2026-03-15', parties)], '2026-03-15', true],
    [
      [extension('2026-03-15', parties), extension('2026-03-31', parties, '2026-03-10')],
      '2026-03-31',
      true,
    ],
  ] as const)('accepted 2026-01-31 with %o → due %s', (extensions, due, extended) => {
    expect(mediationDueDate('2026-01-31', extensions)).toBe(due);
    expect(mediationClock('2026-01-31', extensions, '2026-03-01')).toMatchObject({
      dueDate: due,
      extended,
    });
  });

  it('an extension turns an overdue case back to ok', () => {
    expect(mediationClock('2026-01-31', [], '2026-03-01').status).toBe('overdue');
    expect(
      mediationClock('2026-01-31', [extension('2026-03-31', parties)], '2026-03-01').status,
    ).toBe('ok');
  });
});

describe('judicialConfirmationWindow: effective date is day 0, last day = +30', () => {
  it.each([
    ['2026-03-01', '2026-03-31'],
    ['2026-02-01', '2026-03-03'],
    ['2028-02-01', '2028-03-02'],
    ['2028-01-30', '2028-02-29'],
    ['2026-12-15', '2027-01-14'],
  ] as const)('effective %s → last day %s', (effectiveOn, lastDay) => {
    expect(judicialConfirmationWindow(effectiveOn, effectiveOn)).toEqual({
      lastDay,
      daysLeft: 30,
      status: 'ok',
    });
  });

  it.each([
    ['2026-03-25', null, 'ok', 6],
    ['2026-03-26', null, 'due_soon', 5],
    ['2026-03-31', null, 'due_soon', 0],
    ['2026-04-01', null, 'overdue', -1],
    ['2026-04-01', '2026-03-31', 'applied', -1],
    ['2026-04-02', '2026-04-01', 'applied_late', -2],
  ] as const)(
    'effective 2026-03-01, today %s, applied %s → %s',
    (today, appliedOn, status, daysLeft) => {
      expect(judicialConfirmationWindow('2026-03-01', today, appliedOn)).toEqual({
        lastDay: '2026-03-31',
        daysLeft,
        status,
      });
    },
  );
});

describe('followUpDueDate', () => {
  it.each([
    ['no deadlines (oral, performed on the spot)', [], '2026-03-16'],
    ['a deadline within 15 days pulls it forward', ['2026-03-06'], '2026-03-06'],
    ['the earliest of several deadlines', ['2026-05-01', '2026-03-10', '2026-03-08'], '2026-03-08'],
    ['a deadline after 15 days does not delay it', ['2026-06-30'], '2026-03-16'],
    ['performed on signing day does not count', ['2026-03-01', '2026-02-28'], '2026-03-16'],
    ['the next day', ['2026-03-02'], '2026-03-02'],
  ] as const)('agreed 2026-03-01, %s → %s', (_, deadlines, due) => {
    expect(followUpDueDate('2026-03-01', deadlines)).toBe(due);
  });

  it('crosses a leap day', () => {
    expect(followUpDueDate('2028-02-20', [])).toBe('2028-03-06');
  });
});
