import { describe, expect, it } from 'vitest';
import { Stamper } from './clock';

describe('Stamper ids', () => {
  it('sort in the order they were issued, even within one millisecond', () => {
    const stamper = new Stamper({ now: () => Date.UTC(2026, 10, 27, 8) }, 'T1', null);
    const ids = Array.from({ length: 200 }, () => stamper.newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(200);
  });

  it('follow the wall clock when it moves on', () => {
    let now = Date.UTC(2026, 10, 27, 8);
    const stamper = new Stamper({ now: () => now }, 'T1', null);
    stamper.newId();
    now += 60_000;
    const later = stamper.newId();
    expect(parseInt(later.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});
