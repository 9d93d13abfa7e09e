import { loadavg } from 'node:os';
import type { Backend } from '../../electron/backend/app/backend';
import { RawReplay, SqlCapture } from './capture';
import { formatMs, percentile } from './stats';

/** What a measure is held to: the p95 of its API calls below `ms`. */
interface Target {
  kind: 'search' | 'list page' | 'save';
  ms: number;
}

export const SEARCH: Target = { kind: 'search', ms: 30 };
export const LIST_PAGE: Target = { kind: 'list page', ms: 10 };
export const SAVE: Target = { kind: 'save', ms: 50 };
/** No request the user waits for may hold the backend longer than this. */
const BLOCK_LIMIT_MS = 50;

interface Measured {
  name: string;
  target: Target;
  api: number[];
  /** Null for writes, which cannot be replayed. */
  raw: number[] | null;
}

interface MeasureSpec<T> {
  name: string;
  target: Target;
  /** One input per timed run, sampled from the data; the first `warmUp` are run untimed too. */
  inputs: readonly T[];
  call: (input: T) => Promise<unknown>;
  /** Reads are replayed raw; writes are not. */
  replay: boolean;
}

export class Bench {
  private readonly capture: SqlCapture;
  private readonly raw: RawReplay;
  readonly results: Measured[] = [];

  constructor(
    private readonly backend: Backend,
    private readonly warmUp = 20,
    /** Only the measures whose name contains this run (--only). */
    private readonly only = '',
  ) {
    this.capture = new SqlCapture(backend);
    this.raw = new RawReplay(backend.runtime.sqlite);
  }

  /**
   * Per input: the capture pass (untimed; it also warms that query), the API call timed, then the
   * same statements replayed raw, timed. API and raw alternate, so that the machine's load, which
   * other people's builds change by the minute, falls on both alike.
   */
  async measure<T>(spec: MeasureSpec<T>): Promise<Measured | null> {
    if (!spec.name.includes(this.only)) return null;
    for (const input of spec.inputs.slice(0, this.warmUp)) await spec.call(input);
    const api: number[] = [];
    const raw: number[] = [];
    for (const input of spec.inputs) {
      const replay = spec.replay
        ? this.raw.prepare(await this.capture.run(() => spec.call(input)))
        : null;
      const started = performance.now();
      await spec.call(input);
      api.push(performance.now() - started);
      if (replay) {
        const rawStarted = performance.now();
        replay();
        raw.push(performance.now() - rawStarted);
      }
    }
    const measured = { name: spec.name, target: spec.target, api, raw: spec.replay ? raw : null };
    this.results.push(measured);
    console.log(line(measured));
    return measured;
  }
}

function cell(sample: readonly number[] | null): string {
  if (!sample) return `${'n/a'.padStart(10)}${''.padStart(11)}${''.padStart(11)}`;
  return [percentile(sample, 50), percentile(sample, 95), Math.max(...sample)]
    .map((ms) => formatMs(ms).padStart(10))
    .join(' ');
}

export function header(): string {
  const columns = 'p50        p95        max';
  return `${'measure'.padEnd(46)} ${'n'.padStart(4)}   API ${columns}   | raw ${columns}   | target`;
}

function line(measured: Measured): string {
  const p95 = percentile(measured.api, 95);
  const max = Math.max(...measured.api);
  const verdict = p95 < measured.target.ms ? 'PASS' : 'FAIL';
  const blocking = max >= BLOCK_LIMIT_MS ? `  max ≥ ${BLOCK_LIMIT_MS} ms` : '';
  return `${measured.name.padEnd(46)} ${String(measured.api.length).padStart(4)}   ${cell(measured.api)}   | ${cell(measured.raw)}   | ${measured.target.kind} p95 < ${measured.target.ms} ms ${verdict}${blocking}`;
}

/** The longest single request of the run, against the limit a user may wait on the backend. */
export function summary(results: readonly Measured[]): string {
  if (results.length === 0) return 'no measure ran (--only matched none)';
  const worst = results.reduce(
    (a, b) => (Math.max(...b.api) > Math.max(...a.api) ? b : a),
    results[0]!,
  );
  const max = Math.max(...worst.api);
  const failed = results.filter((r) => percentile(r.api, 95) >= r.target.ms).length;
  return [
    `targets: ${results.length - failed} PASS, ${failed} FAIL`,
    `longest single request: ${formatMs(max)} (${worst.name}) — backend blocked ${max < BLOCK_LIMIT_MS ? '<' : '≥'} ${BLOCK_LIMIT_MS} ms: ${max < BLOCK_LIMIT_MS ? 'PASS' : 'FAIL'}`,
    `load average (1/5/15 min) at the end: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ')} on 2 cores`,
  ].join('\n');
}
