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

/*
 * The clock's state lives in a SharedArrayBuffer so that the pull's worker thread (hub/pull/
 * pull-thread.ts) stamps with the same clock as the backend's thread: a merge there and a clerk's
 * save here must never issue one version twice, nor one below a version the other took in. Each
 * read-modify-write holds a spin lock for the few arithmetic operations it takes.
 */
const LOCK = 0;
const HAS_STEPPED = 1;
const WALL = 0;
const COUNTER = 1;
const STEPPED_WALL = 2;
const STEPPED_COUNTER = 3;
const LAST_ID_MS = 4;
const FLAGS_BYTES = 8;
const STATE_BYTES = FLAGS_BYTES + 5 * 8;
const LOCK_STEAL_MS = 1000;

/** Issues ids and hybrid-logical-clock versions for one terminal. One state per backend. */
export class Stamper {
  /** The state a second Stamper (another thread's) shares with this one. */
  readonly shared: SharedArrayBuffer;
  private readonly flags: Int32Array;
  private readonly state: Float64Array;
  private node: string;

  /** `shared`: another Stamper's state, to stamp with the same clock; `lastVersion` is then ignored. */
  constructor(
    readonly clock: WallClock,
    node: string,
    lastVersion: string | null,
    shared?: SharedArrayBuffer,
  ) {
    this.node = node;
    this.shared = shared ?? new SharedArrayBuffer(STATE_BYTES);
    this.flags = new Int32Array(this.shared, 0, 2);
    this.state = new Float64Array(this.shared, FLAGS_BYTES, 5);
    if (!shared) {
      const start = lastVersion ? parseHlc(lastVersion) : initialHlc(node);
      this.state[WALL] = start.wall;
      this.state[COUNTER] = start.counter;
    }
  }

  private locked<T>(work: () => T): T {
    const until = performance.now() + LOCK_STEAL_MS;
    while (Atomics.compareExchange(this.flags, LOCK, 0, 1) !== 0) {
      // A thread terminated inside these few operations never lets go (terminate runs no finally);
      // a live holder, even one the system set aside on a busy machine, is long done by then.
      if (performance.now() > until) break;
    }
    try {
      return work();
    } finally {
      Atomics.store(this.flags, LOCK, 0);
    }
  }

  private get hlc(): Hlc {
    return { wall: this.state[WALL]!, counter: this.state[COUNTER]!, node: this.node };
  }

  private set hlc(next: Hlc) {
    this.state[WALL] = next.wall;
    this.state[COUNTER] = next.counter;
  }

  private get stepped(): string | null {
    if (Atomics.load(this.flags, HAS_STEPPED) === 0) return null;
    const wall = this.state[STEPPED_WALL]!;
    return formatHlc({ wall, counter: this.state[STEPPED_COUNTER]!, node: this.node });
  }

  private set stepped(version: string) {
    const at = parseHlc(version);
    this.state[STEPPED_WALL] = at.wall;
    this.state[STEPPED_COUNTER] = at.counter;
    Atomics.store(this.flags, HAS_STEPPED, 1);
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
    const ms = this.locked(() => {
      this.state[LAST_ID_MS] = Math.max(this.clock.now(), this.state[LAST_ID_MS]! + 1);
      return this.state[LAST_ID_MS]!;
    });
    return uuidv7(ms, (n) => randomBytes(n));
  }

  nextVersion(): string {
    return this.locked(() => {
      this.hlc = tick(this.hlc, this.clock.now());
      return formatHlc(this.hlc);
    });
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
    return this.locked(() => {
      const stepped = this.stepped;
      const from = stepped && stepped > base ? stepped : base;
      const version = formatHlc(tick({ ...parseHlc(from), node: this.node }, 0));
      this.stepped = version;
      return version;
    });
  }

  /**
   * Takes in the highest version nextVersionAfter stepped to before (sync_state, and the epoch marker
   * across a restore): a version stepped from the same base again would be one the hub already took
   * from this terminal, and it would drop the change as a copy.
   */
  stepPast(version: string | null): void {
    if (!version) return;
    this.locked(() => {
      const stepped = this.stepped;
      if (!stepped || version > stepped) this.stepped = version;
    });
  }

  /**
   * The newest version this clock issued or took in: what the floor keeps (core/clock-floor.ts) so
   * that after a restart the clock never issues one at or below it. A version nextVersionAfter
   * stepped past a base is not the clock's and is not in it.
   */
  position(): string {
    return this.locked(() => formatHlc(this.hlc));
  }

  /**
   * Takes in a version written elsewhere (a pulled record), so that the next change made here orders
   * after it. A version far ahead of this machine's clock comes from a wrong clock elsewhere: jumping
   * to it would carry the error into every later change here, so the clock stays and the answer is
   * false, for the caller to flag. The caller keeps the floor (core/clock-floor.ts) in step.
   */
  observe(remoteVersion: string): boolean {
    const remote = parseHlc(remoteVersion);
    return this.locked(() => {
      try {
        this.hlc = receive(this.hlc, remote, this.clock.now());
        return true;
      } catch (error) {
        if (error instanceof HlcError && error.code === 'HLC_DRIFT') return false;
        throw error;
      }
    });
  }

  /** Before setup there is no terminal id yet; setup re-keys the clock to the new terminal. */
  setNode(node: string): void {
    this.node = node;
  }

  /** The terminal's id in the versions it issues. */
  get nodeId(): string {
    return this.node;
  }
}
