import { describe, expect, it } from 'vitest';
import { awaitsHandOut, eventTitle, formatFee, printableDocuments } from './case-labels';

const event = {
  id: 'e',
  at: '2026-11-27T02:00:00.000Z',
  actorName: '林晓燕',
  note: null,
  fromState: null,
  toState: null,
};

describe('case labels', () => {
  it('title timeline entries by workflow action, opening outcome or other event', () => {
    expect(
      eventTitle({ ...event, action: 'start', fromState: 'accepted', toState: 'processing' }),
    ).toBe('开始办理');
    expect(eventTitle({ ...event, action: 'intake', toState: 'pending_supplement' })).toBe(
      '窗口收件：待补正',
    );
    expect(eventTitle({ ...event, action: 'agency_intake', toState: 'agency_draft' })).toBe(
      '代办收件：代办待移交',
    );
    expect(eventTitle({ ...event, action: 'hand_out' })).toBe('结果送达');
    expect(eventTitle({ ...event, action: 'something_new' })).toBe('something_new');
  });

  it('format fees in yuan', () => {
    expect(formatFee(0)).toBe('免费');
    expect(formatFee(1250)).toBe('¥12.50');
  });

  it('offer the papers the case has grounds for', () => {
    const opened = { ...event, action: 'intake', toState: 'pending_supplement' as const };
    expect(
      printableDocuments({
        state: 'pending_supplement',
        acceptedAt: null,
        events: [opened],
        channel: 'counter',
      }),
    ).toEqual(['notice']);
    expect(
      printableDocuments({
        state: 'completed',
        acceptedAt: '2026-11-27T02:00:00.000Z',
        events: [opened],
        channel: 'counter',
      }),
    ).toEqual(['receipt', 'notice', 'completion']);
    expect(
      printableDocuments({ state: 'rejected', acceptedAt: null, events: [], channel: 'counter' }),
    ).toEqual(['rejection']);
    expect(
      printableDocuments({ state: 'processing', acceptedAt: 'x', events: [], channel: 'counter' }),
    ).toEqual(['receipt']);
    // The agent's 代办受理凭证 from filing on, before the township has received anything.
    expect(
      printableDocuments({
        state: 'agency_draft',
        acceptedAt: null,
        events: [],
        channel: 'agency',
      }),
    ).toEqual(['agency']);
  });

  it('hand out a result once', () => {
    expect(awaitsHandOut({ state: 'completed', handedOutAt: null })).toBe(true);
    expect(awaitsHandOut({ state: 'completed', handedOutAt: '2026-11-27T02:00:00.000Z' })).toBe(
      false,
    );
    expect(awaitsHandOut({ state: 'processing', handedOutAt: null })).toBe(false);
  });
});
