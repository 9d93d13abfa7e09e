/*
 * Two connections write one database file: the backend's and the pull's thread's
 * (hub/pull/pull-thread.ts). A connection waiting for the write lock polls it on SQLite's back-off
 * (1, 2, 5, 10 … 100 ms), while the pull begins its next slice as soon as one commits: a clerk's
 * save could wait through slice after slice until busy_timeout ran out and it failed. So the
 * backend's connection says, in memory both threads share, while a statement or transaction of its
 * own holds it (Kysely takes the connection for each), and the pull begins no slice meanwhile.
 */

/** How long the pull waits for the backend's thread at most before it tries the lock anyway. */
export const GIVE_WAY_MAX_MS = 2000;

export class WriteTurns {
  readonly shared: SharedArrayBuffer;
  private readonly holders: Int32Array;

  /** `shared`: the backend's turns, seen from the pull's thread. */
  constructor(shared?: SharedArrayBuffer) {
    this.shared = shared ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.holders = new Int32Array(this.shared);
  }

  /** The backend's thread has taken its connection. */
  hold(): void {
    Atomics.add(this.holders, 0, 1);
  }

  /** The backend's thread has let its connection go. */
  release(): void {
    Atomics.sub(this.holders, 0, 1);
    Atomics.notify(this.holders, 0);
  }

  /**
   * The pull's thread, before it begins a slice: blocks while the backend's thread holds its
   * connection. Bounded, so that a connection held long (an index build on that thread) only slows
   * the pull: SQLite's lock still orders the two.
   */
  giveWay(maxMs = GIVE_WAY_MAX_MS): void {
    const until = performance.now() + maxMs;
    for (;;) {
      const holding = Atomics.load(this.holders, 0);
      const left = until - performance.now();
      if (holding <= 0 || left <= 0) return;
      Atomics.wait(this.holders, 0, holding, left);
    }
  }
}
