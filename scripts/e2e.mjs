// Builds the app once, then runs Playwright; each spec starts its own browser-mode backend on a fresh data folder.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['electron-vite', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
