import { join } from 'node:path';
import { app, Menu, safeStorage, session, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { createAppUpdates, type AppUpdates } from './app-updater';
import { APP_ENTRY_URL } from './app-protocol-path';
import { auditKeyHex } from './audit-key';
import { registerAppScheme, serveApp } from './app-protocol';
import { forkBackend, showBackendFailure } from './backend-process';
import { hubTokenKeyHex } from './hub-token-key';
import { createBackendSupervisor } from './backend-supervisor';
import { broadcast, registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { PRUNE_EVERY_MS, prunePrints } from './prints-folder';
import { hardenSession, hardenWebContents } from './security';
import { pageTrust } from './trusted-url';
import { userDataOverride } from './user-data';
import { createMainWindow } from './window';
import { privateDir } from '../backend/core/private-files';

function main(): void {
  const userDataFolder = userDataOverride({
    isPackaged: app.isPackaged,
    env: process.env,
    hasUserDataSwitch: app.commandLine.hasSwitch('user-data-dir'),
    standardPath: join(app.getPath('appData'), app.getName()),
  });
  if (userDataFolder) app.setPath('userData', userDataFolder);

  // The lock is per user-data folder, so it must come after the override.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const userData = app.getPath('userData');
  const logsFolder = join(userData, 'logs');
  // Error messages can carry a resident's name: the logs are as private as the data folder.
  privateDir(logsFolder);
  log.transports.file.resolvePathFn = () => join(logsFolder, 'main.log');
  log.errorHandler.startCatching({ showDialog: false });
  log.info(`基层一窗通 ${app.getVersion()} 启动，Electron ${process.versions.electron}`);

  // Sandboxes every renderer, even one created without our webPreferences.
  app.enableSandbox();
  registerAppScheme();

  const isDev = !app.isPackaged;
  // Never honoured in a packaged build: an environment variable must not point the app elsewhere.
  const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
  const isTrustedPage = pageTrust(devServerUrl);
  const windows = new Set<BrowserWindow>();

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedPage));
  app.on('render-process-gone', (_event, _contents, details) =>
    log.error('页面进程异常退出', details.reason, details.exitCode),
  );

  // A development build has no installer to update to; electron-updater only runs packaged.
  let updates: AppUpdates | null = null;
  if (app.isPackaged) {
    autoUpdater.logger = log.scope('updater');
    updates = createAppUpdates(
      autoUpdater,
      (payload) => broadcast(windows, isTrustedPage, { name: 'updates.progress', payload }),
      log.scope('updater'),
    );
  }

  // Read once, when the first backend starts (safeStorage needs the app ready), for every restart.
  let auditKey: string | undefined;
  let hubTokenKey: string | undefined;
  let auditKeyRead = false;
  const backend = createBackendSupervisor({
    fork: () => {
      if (!auditKeyRead) {
        auditKey = auditKeyHex(userData, log.scope('audit-key'));
        hubTokenKey = hubTokenKeyHex(userData, safeStorage, log.scope('hub-token-key'));
        auditKeyRead = true;
      }
      return forkBackend(
        join(__dirname, 'backend.js'),
        join(userData, 'data'),
        isDev ? process.env.TOWNSHIP_DESK_SQLITE_BINDING : undefined,
        auditKey,
        hubTokenKey,
      );
    },
    onEvent: (event) => broadcast(windows, isTrustedPage, event),
    onUpdateFeed: (feed) => updates?.setFeed(feed),
    onGiveUp: (message) => showBackendFailure(message, logsFolder, windows),
    log: log.scope('supervisor'),
  });

  const openWindow = () => {
    const preload = join(__dirname, '../preload/index.js');
    const win = createMainWindow(preload, devServerUrl ?? APP_ENTRY_URL);
    windows.add(win);
    win.on('closed', () => windows.delete(win));
  };

  app.on('second-instance', () => {
    const [win] = windows;
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updates?.stop();
    backend.stop();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, isTrustedPage);
      serveApp(session.defaultSession, join(__dirname, '../renderer'));
      Menu.setApplicationMenu(buildAppMenu(isDev));
      const printsFolder = join(userData, 'prints');
      registerIpc({ backend, windows, isTrustedPage, printsFolder, updates });
      const prune = () =>
        void prunePrints(printsFolder, Date.now())
          .then((removed) => {
            if (removed.length > 0) log.info('已删除过期的打印 PDF', removed.length);
          })
          .catch((error: unknown) => log.error('清理打印 PDF 失败', error));
      prune();
      setInterval(prune, PRUNE_EVERY_MS).unref();
      backend.start();
      openWindow();
    })
    .catch((error: unknown) => {
      log.error('启动失败', error);
      app.exit(1);
    });
}

main();
