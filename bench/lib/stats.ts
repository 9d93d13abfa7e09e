/** Percentile by nearest rank over an unsorted sample, in the sample's unit. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}

/** Pads to a column width as a terminal shows it: a CJK character takes two columns. */
function padColumns(text: string, width: number): string {
  const wide = text.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return text + ' '.repeat(Math.max(0, width - text.length - wide));
}

/**
 * One line of a results table: the measurement, its p50 and p95, and the target with whether it
 * holds; a measurement without a target (null) is shown for information.
 */
export function row(
  name: string,
  sample: readonly number[],
  targetMs: number | null,
  use: 'p50' | 'p95' | 'max' = 'p95',
): string {
  const p50 = percentile(sample, 50);
  const p95 = percentile(sample, 95);
  const max = Math.max(...sample);
  const figures = `${padColumns(name, 44)} n=${String(sample.length).padStart(4)}  p50 ${formatMs(p50).padStart(10)}  p95 ${formatMs(p95).padStart(10)}  max ${formatMs(max).padStart(10)}`;
  if (targetMs === null) return `${figures}  no target`;
  const measured = { p50, p95, max }[use];
  const verdict = measured < targetMs ? '达标 OK' : '超标 OVER';
  return `${figures}  target ${use} < ${targetMs} ms  ${verdict}`;
}
