import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

describe('Stamper.observe', () => {
  const T = Date.UTC(2026, 11, 7, 8);

  it('orders the next local version after a pulled one from a clock a little ahead', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    const local = stamper.nextVersion();
    const pulled = '2026-12-07T08:02:00.000Z-0005-T2';
    expect(stamper.observe(pulled)).toBe(true);
    const next = stamper.nextVersion();
    expect(next > pulled).toBe(true);
    expect(next > local).toBe(true);
    expect(next.endsWith('-T1')).toBe(true);
  });

  it('keeps its own time after a version it is already past', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    stamper.nextVersion();
    expect(stamper.observe('2026-12-07T07:00:00.000Z-0000-T2')).toBe(true);
    expect(stamper.nextVersion()).toBe('2026-12-07T08:00:00.000Z-0002-T1');
  });

  it('does not jump to a version far ahead of its clock, and says so', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    expect(stamper.observe('2027-12-07T08:00:00.000Z-0000-T2')).toBe(false);
    expect(stamper.nextVersion().startsWith('2026-12-07T08:00:00.000Z')).toBe(true);
  });

  it('refuses text that is no version', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    expect(() => stamper.observe('yesterday')).toThrow(
      expect.objectContaining({ code: 'HLC_MALFORMED' }),
    );
  });
});

describe('Stamper.nextVersionAfter', () => {
  const T = Date.UTC(2026, 11, 7, 8);

  it('is the clock when the base is behind it', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    expect(stamper.nextVersionAfter('2026-12-07T07:00:00.000Z-0000-T2')).toBe(
      '2026-12-07T08:00:00.000Z-0000-T1',
    );
  });

  it('steps past a base from a clock a year ahead, and the next change elsewhere keeps true time', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    const ahead = '2027-12-07T08:00:00.000Z-0003-T2';
    expect(stamper.nextVersionAfter(ahead)).toBe('2027-12-07T08:00:00.000Z-0004-T1');
    expect(stamper.nextVersion().startsWith('2026-12-07T08:00:00.000Z')).toBe(true);
  });

  it('leaves the position the floor keeps at the clock, not at the version stepped past a base', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    stamper.nextVersionAfter('2027-12-07T08:00:00.000Z-0003-T2');
    expect(stamper.position()).toBe('2026-12-07T08:00:00.000Z-0000-T1');
    // Restarted from that position, with the PC's clock set back: still above it.
    const restarted = new Stamper({ now: () => T - 60_000 }, 'T1', stamper.position());
    expect(restarted.nextVersion()).toBe('2026-12-07T08:00:00.000Z-0001-T1');
  });

  it('never steps to a version twice, also from a base put back by a restore', () => {
    const ahead = '2027-12-07T08:00:00.000Z-0003-T2';
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    const first = stamper.nextVersionAfter(ahead);
    // Another row with the same base, and the row itself back at its base after a restore.
    expect(stamper.nextVersionAfter(ahead)).toBe('2027-12-07T08:00:00.000Z-0005-T1');
    const restored = new Stamper({ now: () => T }, 'T1', null);
    restored.stepPast(first);
    expect(restored.nextVersionAfter(ahead)).toBe('2027-12-07T08:00:00.000Z-0005-T1');
    // A mark behind the base changes nothing.
    const later = '2027-12-08T08:00:00.000Z-0000-T2';
    expect(restored.nextVersionAfter(later)).toBe('2027-12-08T08:00:00.000Z-0001-T1');
  });

  it('orders after its own equal-time base by node, and carries a full counter into the wall', () => {
    const stamper = new Stamper({ now: () => T }, 'T1', null);
    const sameTime = '2026-12-07T08:00:00.000Z-0000-T9';
    expect(stamper.nextVersionAfter(sameTime) > sameTime).toBe(true);
    expect(stamper.nextVersionAfter('2027-12-07T08:00:00.000Z-ffff-T2')).toBe(
      '2027-12-07T08:00:00.001Z-0000-T1',
    );
  });
});

describe('a Stamper sharing another thread’s clock (the pull’s thread)', () => {
  const T = Date.UTC(2026, 11, 7, 8);

  it('orders its next version after one the other took in', () => {
    const backend = new Stamper({ now: () => T }, 'T1', null);
    const pull = new Stamper({ now: () => T }, 'T1', null, backend.shared);
    const pulled = '2026-12-07T08:02:00.000Z-0005-T2';
    expect(pull.observe(pulled)).toBe(true);
    expect(backend.nextVersion() > pulled).toBe(true);
    expect(backend.position()).toBe(pull.position());
  });

  it('never issues a version the other thread issued, while both stamp at once', async () => {
    const backend = new Stamper({ now: () => Date.now() }, 'T1', null);
    const source = `
      process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(join(__dirname, '../../../tsconfig.node.json'))};
      require('tsx/cjs/api').register();
      const { parentPort, workerData } = require('node:worker_threads');
      const { Stamper } = require(${JSON.stringify(join(__dirname, 'clock.ts'))});
      const stamper = new Stamper({ now: () => Date.now() }, 'T1', null, workerData.shared);
      const versions = [];
      Atomics.store(workerData.go, 0, 1);
      for (let i = 0; i < workerData.count; i += 1) versions.push(stamper.nextVersion());
      parentPort.postMessage(versions);
    `;
    const count = 20_000;
    const go = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(source, {
      eval: true,
      workerData: { shared: backend.shared, count, go },
    });
    const theirs = new Promise<string[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    // Both threads stamp within the same milliseconds: the worker signals once it has begun.
    while (Atomics.load(go, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const mine = Array.from({ length: count }, () => backend.nextVersion());
    const other = await theirs;
    await worker.terminate();
    const ascending = (versions: string[]) =>
      versions.every((v, i) => i === 0 || v > versions[i - 1]!);
    expect(ascending(mine)).toBe(true);
    expect(ascending(other)).toBe(true);
    expect(new Set([...mine, ...other]).size).toBe(2 * count);
  });

  it('goes on stamping after the other thread was ended while it held the clock', async () => {
    const backend = new Stamper({ now: () => T }, 'T1', null);
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      // Takes the clock's lock (the first word of its state) and is ended holding it.
      Atomics.store(new Int32Array(workerData.shared, 0, 1), 0, 1);
      parentPort.postMessage('holding');
      for (;;);
    `;
    const worker = new Worker(source, { eval: true, workerData: { shared: backend.shared } });
    await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    const before = backend.position();
    const first = backend.nextVersion();
    expect(first > before).toBe(true);
    expect(backend.nextVersion() > first).toBe(true);
  });
});
