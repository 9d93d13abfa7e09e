import { loadavg } from 'node:os';
import { NO_POSTGRES_REASON, findPostgresBinaries } from '../../upstream/test/postgres-cluster';

/** The load average (1, 5, 15 minutes) printed beside a figure: this machine's speed moves with it. */
export const loadFigures = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/** Debian's PostgreSQL binaries for a bench's throw-away cluster; without them the bench says why and stops. */
export function postgresBinariesOrExit(bench: string): string {
  const bin = findPostgresBinaries();
  if (!bin) {
    console.error(`${bench} needs a real PostgreSQL server: ${NO_POSTGRES_REASON}`);
    process.exit(1);
  }
  return bin;
}
