// Builds the app once, then runs Playwright; each spec starts its own browser-mode backend on a fresh data folder.
// The whole run (no arguments) then runs the sync's kill -9 fault cases, which drive the built backend as
// processes of their own (electron/backend/sync/faults/kill.test.ts): here the build is certain to be fresh.
import { spawnSync } from 'node:child_process';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: false,
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['electron-vite', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
if (process.argv.length <= 2)
  run('npx', ['vitest', 'run', 'electron/backend/sync/faults/kill.test.ts'], {
    DESK_KILL_FAULTS: '1',
  });
