import {
  BrowserWindow,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import log from 'electron-log/main';
import { mayOpenExternally } from './external-links';

/*
 * Electron hardening in one place (docs/architecture.md, "What runs where"). Every window is made here with the secure web
 * preferences; every webContents and the session are hardened before anything loads, so that no
 * code path can open a window without them.
 */

export type PageTrust = (url: string) => boolean;

/**
 * The preferences are written out in the constructor call itself, not passed in from elsewhere, so
 * that a static check (npm run lint:electron) reads them as they are.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would open a link in a new window; the window-open handler refuses it anyway.
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker downloads dictionaries from Google and knows no Chinese.
      spellcheck: false,
    },
  });
}

/** Keeps a webContents on our pages: outside links go to the system browser or nowhere. */
export function hardenWebContents(contents: WebContents, isTrustedPage: PageTrust): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isTrustedPage(event.url)) return;
    event.preventDefault();
    log.warn(`已阻止${kind}到应用以外的地址`, describeUrl(event.url));
  };
  contents.on('will-navigate', (event) => refuseForeign(event, '跳转'));
  contents.on('will-redirect', (event) => refuseForeign(event, '重定向'));

  // A new window is never opened; a link to a listed government site goes to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) {
      shell
        .openExternal(url)
        .catch((error: unknown) => log.warn('无法用系统浏览器打开链接', error));
    } else {
      log.warn('已阻止打开不在允许名单中的链接', describeUrl(url));
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('已阻止嵌入 webview');
  });
}

/**
 * Every permission is denied except the camera for our own pages: counter document cameras
 * (高拍仪) are ordinary webcams. Microphone, screen, location, notifications, devices: no.
 */
export function hardenSession(session: Session, isTrustedPage: PageTrust): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const videoOnly =
      'mediaTypes' in details &&
      details.mediaTypes !== undefined &&
      details.mediaTypes.length > 0 &&
      details.mediaTypes.every((type) => type === 'video');
    const granted =
      permission === 'media' &&
      videoOnly &&
      details.isMainFrame &&
      isTrustedPage(details.requestingUrl);
    if (!granted) log.warn('已拒绝权限请求', permission, describeUrl(details.requestingUrl));
    callback(granted);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === 'media' && details.mediaType === 'video' && isTrustedPage(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Logs keep only where a URL pointed, not its query, which may carry personal data. */
function describeUrl(url: string): string {
  try {
    const { protocol, host, pathname } = new URL(url);
    return `${protocol}//${host}${pathname}`;
  } catch {
    return '(无效地址)';
  }
}
