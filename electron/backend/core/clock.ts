import { randomBytes } from 'node:crypto';
import { formatHlc, initialHlc, parseHlc, tick, type Hlc } from '@shared/sync/hlc';
import { uuidv7 } from '@shared/sync/uuid';

/** Wall time, passed in everywhere so that tests can set it. */
export interface WallClock {
  now(): number;
}

export const systemClock: WallClock = { now: () => Date.now() };

/** Issues ids and hybrid-logical-clock versions for one terminal. One instance per backend. */
export class Stamper {
  private hlc: Hlc;

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

  newId(): string {
    return uuidv7(this.clock.now(), (n) => randomBytes(n));
  }

  nextVersion(): string {
    this.hlc = tick(this.hlc, this.clock.now());
    return formatHlc(this.hlc);
  }

  /** Before setup there is no terminal id yet; setup re-keys the clock to the new terminal. */
  setNode(node: string): void {
    this.hlc = { ...this.hlc, node };
  }
}
