import { describe, expect, it } from 'vitest';
import { MAX_DRIFT_MS, formatHlc, initialHlc, parseHlc, receive, tick, type Hlc } from './hlc';

const T = Date.parse('2026-12-06T08:00:00.000Z');
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function ticks(state: Hlc, now: number, times: number): Hlc {
  let next = state;
  for (let i = 0; i < times; i++) next = tick(next, now);
  return next;
}

describe('tick', () => {
  it('follows the wall clock and counts events within one millisecond', () => {
    const first = tick(initialHlc('A'), T);
    expect(first).toEqual({ wall: T, counter: 0, node: 'A' });
    expect(tick(first, T)).toEqual({ wall: T, counter: 1, node: 'A' });
    expect(tick(first, T + 5)).toEqual({ wall: T + 5, counter: 0, node: 'A' });
  });

  it('never goes backwards when the wall clock does', () => {
    const ahead = tick(initialHlc('A'), T + 1000);
    const after = tick(ahead, T);
    expect(formatHlc(after) > formatHlc(ahead)).toBe(true);
  });

  it('keeps writing after a clock a year fast is corrected: the counter carries into the wall', () => {
    const wrong = tick(initialHlc('A'), T + YEAR_MS);
    // Far more writes than one millisecond's counter holds, all at the corrected time.
    const versions: string[] = [];
    let state = wrong;
    for (let i = 0; i < 200_000; i++) {
      state = tick(state, T);
      if (i % 10_000 === 0 || i > 199_990) versions.push(formatHlc(state));
    }
    expect(state.wall).toBeGreaterThan(wrong.wall);
    expect(state.wall - wrong.wall).toBeLessThan(10);
    expect([...versions].sort()).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('orders every version it formats in issue order across a carry', () => {
    const atEdge = ticks(tick(initialHlc('A'), T), T, 0xffff);
    expect(atEdge.counter).toBe(0xffff);
    const carried = tick(atEdge, T);
    expect(carried).toEqual({ wall: T + 1, counter: 0, node: 'A' });
    expect(formatHlc(carried) > formatHlc(atEdge)).toBe(true);
  });
});

describe('receive', () => {
  it('orders our next event after a remote one', () => {
    const local = tick(initialHlc('A'), T);
    const remote = { wall: T + 10, counter: 3, node: 'B' };
    const merged = receive(local, remote, T + 1);
    expect(merged).toEqual({ wall: T + 10, counter: 4, node: 'A' });
    expect(formatHlc(tick(merged, T + 2)) > formatHlc(remote)).toBe(true);
  });

  it('refuses a remote clock far ahead instead of jumping to it', () => {
    const remote = { wall: T + MAX_DRIFT_MS + 1, counter: 0, node: 'B' };
    expect(() => receive(initialHlc('A'), remote, T)).toThrow(
      expect.objectContaining({ code: 'HLC_DRIFT' }),
    );
  });

  it('carries a full counter into the wall rather than failing', () => {
    const local = { wall: T, counter: 0xffff, node: 'A' };
    const remote = { wall: T, counter: 0xffff, node: 'B' };
    expect(receive(local, remote, T)).toEqual({ wall: T + 1, counter: 0, node: 'A' });
  });
});

describe('text form', () => {
  it('reads back what it writes and sorts in clock order', () => {
    const a = { wall: T, counter: 15, node: 'term-1' };
    const b = { wall: T, counter: 16, node: 'term-1' };
    expect(parseHlc(formatHlc(a))).toEqual(a);
    expect(formatHlc(a) < formatHlc(b)).toBe(true);
  });

  it('refuses text that is not a timestamp', () => {
    expect(() => parseHlc('2026-12-06')).toThrow(
      expect.objectContaining({ code: 'HLC_MALFORMED' }),
    );
  });
});
