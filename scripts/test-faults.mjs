// The sync's fault suite in its large configuration (issue 15, item 8): many steps, ±1 year clock
// skew, and the kill -9 cases on more records and more kills, after a build (they run out/main/serve.js).
// FAULT_SEED replays a run; FAULT_STEPS, FAULT_SKEW, KILL_RESIDENTS and KILL_ROUNDS override the defaults here.
import { spawnSync } from 'node:child_process';

const windows = process.platform === 'win32';
const npx = windows ? 'npx.cmd' : 'npx';
const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit', shell: windows });
if (build.status !== 0) process.exit(build.status ?? 1);
const env = {
  FAULT_STEPS: '400',
  FAULT_SKEW: '1',
  DESK_KILL_FAULTS: '1',
  KILL_RESIDENTS: '3000',
  KILL_ROUNDS: '6',
  ...process.env,
};
const run = spawnSync(
  npx,
  ['vitest', 'run', 'electron/backend/sync/faults', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
    shell: windows,
  },
);
process.exit(run.status ?? 1);
