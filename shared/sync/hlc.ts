/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time but never goes backwards
 * and orders causally related changes across terminals whose clocks disagree.
 * The state is a value passed in and returned, never a module-level singleton.
 */
export interface Hlc {
  /** Milliseconds since the epoch. */
  wall: number;
  /** Orders events within the same millisecond. */
  counter: number;
  /** The terminal that issued it, so that two terminals never produce the same timestamp. */
  node: string;
}

const MAX_COUNTER = 0xffff;
/** A remote clock this far ahead of ours is a misconfigured machine, not a reason to jump. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export class HlcError extends Error {
  constructor(
    readonly code: 'HLC_DRIFT' | 'HLC_MALFORMED',
    message: string,
  ) {
    super(message);
  }
}

export function initialHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

/**
 * The counter's last value carries into the wall: a clock once set ahead (a PC a year fast, then
 * corrected) runs on a logical millisecond at a time instead of refusing every write after 65,535.
 */
function carried(wall: number, counter: number, node: string): Hlc {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}

/** The next timestamp for a local event. */
export function tick(state: Hlc, now: number): Hlc {
  if (now > state.wall) return { wall: now, counter: 0, node: state.node };
  return carried(state.wall, state.counter + 1, state.node);
}

/** Merges a timestamp received from elsewhere so that our next events order after it. */
export function receive(state: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.wall - now > MAX_DRIFT_MS) {
    throw new HlcError('HLC_DRIFT', `remote clock ${remote.wall - now} ms ahead of local`);
  }
  const wall = Math.max(state.wall, remote.wall, now);
  let counter: number;
  if (wall === state.wall && wall === remote.wall)
    counter = Math.max(state.counter, remote.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  return carried(wall, counter, state.node);
}

/** Fixed-width text that sorts in clock order: ISO time, counter, node. */
export function formatHlc(ts: Hlc): string {
  return `${new Date(ts.wall).toISOString()}-${ts.counter.toString(16).padStart(4, '0')}-${ts.node}`;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const match = HLC_PATTERN.exec(text);
  if (!match) throw new HlcError('HLC_MALFORMED', `not a hybrid logical clock timestamp: ${text}`);
  const [, iso, counter, node] = match as unknown as [string, string, string, string];
  return { wall: Date.parse(iso), counter: parseInt(counter, 16), node };
}
