/** `--name value` from the command line, or the default. */
export function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

/** A count such as 1000000, 1_000_000 or 1m / 300k. */
export function countFlag(name: string, fallback: number): number {
  const text = flag(name, String(fallback)).replaceAll('_', '').toLowerCase();
  const scale = text.endsWith('m') ? 1_000_000 : text.endsWith('k') ? 1_000 : 1;
  const value = Number(scale === 1 ? text : text.slice(0, -1)) * scale;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a count: ${text}`);
  return value;
}
