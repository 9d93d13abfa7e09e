import { createInterface } from 'node:readline';
import { dialog, utilityProcess, type BrowserWindow, type MessageBoxOptions } from 'electron';
import log from 'electron-log/main';
import { AUDIT_KEY_ENV, HUB_TOKEN_KEY_ENV } from '@shared/api/transport';
import { backendMallocEnv, utilityProcessExecArgv } from '../backend/host/heap';
import type { BackendProcess } from './backend-supervisor';

/**
 * Starts the backend in a utilityProcess; its console output goes to our log file. In development the
 * better-sqlite3 in node_modules is built for Node (tests and browser mode need that), so `npm start`
 * builds an Electron copy and names it in TOWNSHIP_DESK_SQLITE_BINDING; a packaged app has its own.
 */
export function forkBackend(
  entry: string,
  dataFolder: string,
  sqliteBinding: string | undefined,
  auditKey: string | undefined,
  hubTokenKey: string | undefined,
): BackendProcess {
  const args = [
    '--data',
    dataFolder,
    ...(sqliteBinding ? ['--sqlite-binding', sqliteBinding] : []),
  ];
  // The keys go through the environment, never the command line that every local user can list;
  // the backend removes them from its environment as it starts.
  const child = utilityProcess.fork(entry, args, {
    stdio: 'pipe',
    serviceName: 'township-desk-backend',
    execArgv: utilityProcessExecArgv(),
    env: {
      ...process.env,
      ...backendMallocEnv(),
      ...(auditKey ? { [AUDIT_KEY_ENV]: auditKey } : {}),
      ...(hubTokenKey ? { [HUB_TOKEN_KEY_ENV]: hubTokenKey } : {}),
    },
  });
  const backendLog = log.scope('backend');
  if (child.stdout) createInterface({ input: child.stdout }).on('line', backendLog.info);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', backendLog.error);
  return child;
}

/** Tells the person at the counter, in their words, that the app cannot work right now. */
export function showBackendFailure(
  message: string,
  logsFolder: string,
  windows: ReadonlySet<BrowserWindow>,
): void {
  const options: MessageBoxOptions = {
    type: 'error',
    title: '基层一窗通',
    message,
    detail: `请把日志文件夹中的文件交给系统管理员：\n${logsFolder}`,
    buttons: ['确定'],
  };
  const [win] = [...windows].filter((candidate) => !candidate.isDestroyed());
  const shown = win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => log.error('无法显示错误对话框', error));
}
