import { randomBytes } from 'node:crypto';
import {
  HlcError,
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
  /** The highest version nextVersionAfter stepped to: none is issued twice. */
  private stepped: string | null = null;

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
   * The version of a change to a row that has `base`: always after it, whatever this machine's clock
   * says. A person who edits a row has seen its version, so the edit must order after it at the hub;
   * a base stamped by a clock far ahead (another terminal's PC a year fast) would otherwise leave the
   * later edit older than the one it replaced, and it would be lost. Only this version steps past
   * such a base: the clock itself stays (as observe keeps it), so the machine's other changes keep
   * true time, and so does the floor it restarts from (position). It steps past the highest version
   * it stepped to before as well, so that a restored row edited again gets a version not yet issued.
   */
  nextVersionAfter(base: string): string {
    const next = this.nextVersion();
    if (next > base) return next;
    const from = this.stepped && this.stepped > base ? this.stepped : base;
    this.stepped = formatHlc(tick({ ...parseHlc(from), node: this.hlc.node }, 0));
    return this.stepped;
  }

  /**
   * Takes in the highest version nextVersionAfter stepped to before (sync_state, and the epoch marker
   * across a restore): a version stepped from the same base again would be one the hub already took
   * from this terminal, and it would drop the change as a copy.
   */
  stepPast(version: string | null): void {
    if (version && (!this.stepped || version > this.stepped)) this.stepped = version;
  }

  /**
   * The newest version this clock issued or took in: what the floor keeps (core/clock-floor.ts) so
   * that after a restart the clock never issues one at or below it. A version nextVersionAfter
   * stepped past a base is not the clock's and is not in it.
   */
  position(): string {
    return formatHlc(this.hlc);
  }

  /**
   * Takes in a version written elsewhere (a pulled record), so that the next change made here orders
   * after it. A version far ahead of this machine's clock comes from a wrong clock elsewhere: jumping
   * to it would carry the error into every later change here, so the clock stays and the answer is
   * false, for the caller to flag. The caller keeps the floor (core/clock-floor.ts) in step.
   */
  observe(remoteVersion: string): boolean {
    try {
      this.hlc = receive(this.hlc, parseHlc(remoteVersion), this.clock.now());
      return true;
    } catch (error) {
      if (error instanceof HlcError && error.code === 'HLC_DRIFT') return false;
      throw error;
    }
  }

  /** Before setup there is no terminal id yet; setup re-keys the clock to the new terminal. */
  setNode(node: string): void {
    this.hlc = { ...this.hlc, node };
  }
}
