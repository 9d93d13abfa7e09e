// The sync's fault suite in its large configuration (issue 15, item 8): many steps and ±1 year clock
// skew. FAULT_SEED replays a run; FAULT_STEPS and FAULT_SKEW override the defaults here.
import { spawnSync } from 'node:child_process';

const env = { FAULT_STEPS: '400', FAULT_SKEW: '1', ...process.env };
const run = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['vitest', 'run', 'electron/backend/sync/faults', ...process.argv.slice(2)],
  { stdio: 'inherit', env, shell: process.platform === 'win32' },
);
process.exit(run.status ?? 1);
