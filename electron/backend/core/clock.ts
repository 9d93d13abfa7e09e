import { randomBytes } from 'node:crypto';
import {
  MAX_DRIFT_MS,
  formatHlc,
  initialHlc,
  parseHlc,
  receive,
  tick,
  type Hlc,
} from '@shared/sync/hlc';
import { uuidv7 } from '@shared/sync/uuid';

/** Wall time, passed in everywhere so that tests can set it. */
export interface WallClock {
  now(): number;
}

export const systemClock: WallClock = { now: () => Date.now() };

/** Issues ids and hybrid-logical-clock versions for one terminal. One instance per backend. */
export class Stamper {
  private hlc: Hlc;
  private lastIdMs = 0;

  constructor(
    readonly clock: WallClock,
    node: string,
    lastVersion: string | null,
  ) {
    this.hlc = lastVersion ? { ...parseHlc(lastVersion), node } : initialHlc(node);
  }

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /**
   * Ids from one terminal sort in the order they were issued: rows created within the same
   * millisecond (a photo and a scan attached together) would otherwise fall into random order,
   * so a second id in one millisecond takes the next one.
   */
  newId(): string {
    this.lastIdMs = Math.max(this.clock.now(), this.lastIdMs + 1);
    return uuidv7(this.lastIdMs, (n) => randomBytes(n));
  }

  nextVersion(): string {
    this.hlc = tick(this.hlc, this.clock.now());
    return formatHlc(this.hlc);
  }

  /**
   * A version pulled from the hub: later local versions order after it, so a record edited here
   * after a pull carries a version above the one it was pulled at. A version far ahead of this
   * clock (a PC elsewhere set wrong; the hub flags those) is not followed: the clock would jump.
   */
  observe(version: string): void {
    const remote = parseHlc(version);
    const now = this.clock.now();
    if (remote.wall - now > MAX_DRIFT_MS) return;
    this.hlc = receive(this.hlc, remote, now);
  }

  /** Before setup there is no terminal id yet; setup re-keys the clock to the new terminal. */
  setNode(node: string): void {
    this.hlc = { ...this.hlc, node };
  }
}
