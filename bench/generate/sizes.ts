import { countFlag } from '../lib/args';

/** Ten years of a large township (issue 11's bench database). */
export const FULL_SIZE = { residents: 300_000, cases: 1_000_000, disputes: 20_000 };

/**
 * The sizes from the command line: `--scale N` makes 1/N of the full township (a run of minutes
 * instead of an hour); --residents, --cases and --disputes set one count outright.
 */
export function sizesFromFlags(): {
  scale: number;
  residents: number;
  cases: number;
  disputes: number;
} {
  const scale = Math.max(1, countFlag('scale', 1));
  const part = (count: number) => Math.max(1, Math.round(count / scale));
  return {
    scale,
    residents: countFlag('residents', part(FULL_SIZE.residents)),
    cases: countFlag('cases', part(FULL_SIZE.cases)),
    disputes: countFlag('disputes', part(FULL_SIZE.disputes)),
  };
}
