import { APP_HOST, APP_SCHEME } from './app-protocol-path';

/*
 * Which URLs are ours. Kept free of Electron so that navigation, permission and IPC decisions
 * rest on one tested predicate.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Node gives non-special schemes an opaque origin ('null'), so app://desk is recognised by
 * scheme and host rather than by comparing origins.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * A predicate for pages we serve: app://desk, plus the electron-vite dev server's origin when
 * one is given (never in a packaged build).
 */
export function pageTrust(devServerUrl: string | undefined): (url: string) => boolean {
  // Only a web origin: an opaque one ('null') would also match data: and blob: pages.
  const devOrigin =
    devServerUrl && isWebUrl(devServerUrl) ? parse(devServerUrl)?.origin : undefined;
  return (url) => isAppUrl(url) || (devOrigin !== undefined && parse(url)?.origin === devOrigin);
}

/** Only plain web links may leave the app, to the system browser. */
export function isWebUrl(url: string): boolean {
  const protocol = parse(url)?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}
