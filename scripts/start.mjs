// npm start: the Electron app. node_modules' better-sqlite3 stays built for Node (unit tests and browser
// mode use it), so an Electron-ABI copy is built once into node_modules/.cache and handed to the backend.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    [
      '未安装 Electron 程序文件（可能设置了 ELECTRON_SKIP_BINARY_DOWNLOAD，或安装时无法联网）。',
      '请在可联网的机器上重新执行 npm install 后再运行 npm start；也可以用 npm run serve 以浏览器模式运行。',
      'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network at install).',
      'Reinstall on a networked machine, or use `npm run serve` for browser mode.',
    ].join('\n'),
  );
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const cacheDir = resolve('node_modules/.cache/township-desk', `electron-${electronVersion}`);
const binding = join(cacheDir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

if (!existsSync(binding)) {
  console.log(
    `为 Electron ${electronVersion} 编译 better-sqlite3（仅首次，需要联网下载 Electron 头文件）…`,
  );
  mkdirSync(join(cacheDir, 'node_modules'), { recursive: true });
  writeFileSync(
    join(cacheDir, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true }),
  );
  cpSync('node_modules/better-sqlite3', join(cacheDir, 'node_modules/better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.includes(`${'better-sqlite3'}/build`),
  });
  const { rebuild } = require('@electron/rebuild');
  await rebuild({
    buildPath: cacheDir,
    electronVersion,
    force: true,
    onlyModules: ['better-sqlite3'],
  });
}

const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TOWNSHIP_DESK_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
