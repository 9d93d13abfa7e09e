import type { UpdateProgress } from '@shared/api/transport';

/** The part of electron-updater's AppUpdater used here, so that tests hand in their own. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  requestHeaders: Record<string, string | number | readonly string[] | undefined> | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateFeedMessage {
  url: string;
  requestHeaders: Record<string, string>;
}

/** The app checks at start (when the backend names the feed) and every 4 hours. */
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

const DOWNLOAD_FAILED = '新版本下载失败，将在下次检查时重试。本机可照常使用';

export interface AppUpdates {
  /** The backend's word on the enrolled hub's feed; null: not enrolled, or revoked. */
  setFeed(feed: UpdateFeedMessage | null): void;
  state(): UpdateProgress;
  /** 立即重启更新: only once a verified installer is downloaded. */
  restart(): { restarting: boolean };
  stop(): void;
}

/**
 * electron-updater on the county hub's generic feed: downloads in the background (it checks the
 * installer's sha512 against latest.yml itself), installs at quit, or at 立即重启更新, which the
 * renderer offers only when no form is being filled in. The token only ever sits in requestHeaders;
 * errors are logged by their message, which electron-updater builds without headers.
 */
export function createAppUpdates(
  updater: UpdaterLike,
  send: (progress: UpdateProgress) => void,
  log: { info(...data: unknown[]): void; warn(...data: unknown[]): void },
): AppUpdates {
  let progress: UpdateProgress = { state: 'idle', version: null, percent: null, message: null };
  let feedUrl: string | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const publish = (next: UpdateProgress) => {
    progress = next;
    send(progress);
  };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('update-available', (info) =>
    publish({ state: 'downloading', version: info.version, percent: 0, message: null }),
  );
  updater.on('download-progress', (info) => {
    if (progress.state === 'downloading') publish({ ...progress, percent: info.percent });
  });
  updater.on('update-downloaded', (info) => {
    log.info(`新版本 ${info.version} 已下载并校验，退出时安装`);
    publish({ state: 'downloaded', version: info.version, percent: 100, message: null });
  });
  updater.on('error', (error) => {
    log.warn('检查或下载更新失败', error.message);
    // A verified download stays ready whatever a later check meets.
    if (progress.state !== 'downloaded')
      publish({
        state: 'error',
        version: progress.version,
        percent: null,
        message: DOWNLOAD_FAILED,
      });
  });

  const check = () => {
    if (feedUrl === null || progress.state === 'downloaded') return;
    updater.checkForUpdates().catch(() => {
      // Reported through the 'error' event as well.
    });
  };

  return {
    setFeed(feed) {
      updater.requestHeaders = feed ? { ...feed.requestHeaders } : null;
      const changed = (feed?.url ?? null) !== feedUrl;
      feedUrl = feed?.url ?? null;
      if (feed && changed) updater.setFeedURL({ provider: 'generic', url: feed.url });
      if (!feed) {
        if (timer) clearInterval(timer);
        timer = null;
        return;
      }
      if (changed) check();
      if (!timer) {
        timer = setInterval(check, CHECK_EVERY_MS);
        timer.unref?.();
      }
    },
    state: () => progress,
    restart() {
      if (progress.state !== 'downloaded') return { restarting: false };
      // Silent NSIS install, then the app starts again.
      updater.quitAndInstall(true, true);
      return { restarting: true };
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
