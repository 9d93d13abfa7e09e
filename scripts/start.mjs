// npm start: the Electron app. package.json's allowScripts keeps electron's install step from running
// during npm install (so that npm install works offline and in CI), so the first start downloads the
// Electron binary with electron's own installer, which honours ELECTRON_MIRROR. node_modules'
// better-sqlite3 stays built for Node (unit tests and browser mode use it), so an Electron-ABI copy is
// built once into node_modules/.cache and handed to the backend.
// Everything is resolved from the working directory, the project root when run through npm.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = process.cwd();
const require = createRequire(join(root, 'package.json'));

/** electron's index.js reads path.txt, which only its installer writes; it throws without one. */
function electronBinary() {
  const entry = join(root, 'node_modules/electron/index.js');
  try {
    delete require.cache[entry];
    const path = require(entry);
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function downloadElectron() {
  const mirror = process.env.ELECTRON_MIRROR;
  console.log(
    [
      '首次启动：正在下载 Electron 程序文件（约 100 MB，仅需一次）…',
      mirror
        ? `下载镜像（ELECTRON_MIRROR）：${mirror}`
        : '在国内可设置 ELECTRON_MIRROR 环境变量，改用国内镜像下载。',
      'First start: downloading the Electron binary (about 100 MB, once only).',
    ].join('\n'),
  );
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    stdio: 'inherit',
  });
  return result.status === 0;
}

function explainMissingBinary() {
  const skipped = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD);
  console.error(
    (skipped
      ? [
          '未下载 Electron 程序文件：设置了 ELECTRON_SKIP_BINARY_DOWNLOAD。',
          '去掉该环境变量后再次运行 npm start；也可以用 npm run serve 以浏览器模式运行，不需要 Electron。',
          'The Electron binary was not downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD is set.',
          'Unset it and run npm start again, or use `npm run serve` for browser mode, which needs no Electron.',
        ]
      : [
          '无法下载 Electron 程序文件（可能没有联网，或 ELECTRON_MIRROR 指向的镜像无法访问）。',
          '联网后再次运行 npm start 即可；也可以用 npm run serve 以浏览器模式运行，不需要 Electron。',
          'Could not download the Electron binary (no network, or the ELECTRON_MIRROR mirror is unreachable).',
          'Run npm start again once online, or use `npm run serve` for browser mode, which needs no Electron.',
        ]
    ).join('\n'),
  );
}

if (!electronBinary() && !(downloadElectron() && electronBinary())) {
  explainMissingBinary();
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const cacheDir = resolve(root, 'node_modules/.cache/township-desk', `electron-${electronVersion}`);
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
  cpSync(join(root, 'node_modules/better-sqlite3'), join(cacheDir, 'node_modules/better-sqlite3'), {
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

// electron-vite's own script under this Node, not npx: npx is a .cmd file on Windows, which spawn
// cannot start without a shell.
const child = spawn(
  process.execPath,
  [
    join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'preview',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TOWNSHIP_DESK_SQLITE_BINDING: binding } },
);
child.on('exit', (code) => process.exit(code ?? 0));
