import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/*
 * Where an app://desk/... request is served from. Kept free of Electron so that the guard that
 * keeps the renderer inside out/renderer is tested on its own.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppTarget =
  { kind: 'file'; path: string } | { kind: 'not-found' } | { kind: 'refused' };

const REFUSED: AppTarget = { kind: 'refused' };
const NOT_FOUND: AppTarget = { kind: 'not-found' };

/**
 * Maps a request URL to a file under root. Anything that tries to leave root is refused outright
 * rather than clamped: no page of ours ever asks for it, so it is an attack or a bug.
 * A missing path without an extension is a client-side route and gets index.html; a missing
 * asset is a 404 so that a lost chunk fails loudly instead of being parsed as HTML.
 */
export function resolveAppRequest(
  requestUrl: string,
  root: string,
  isFile: (path: string) => boolean,
): AppTarget {
  const segments = pathSegments(requestUrl);
  if (segments === null) return REFUSED;

  const index = join(root, 'index.html');
  if (segments.length === 0) return { kind: 'file', path: index };

  const candidate = resolve(root, ...segments);
  const inside = relative(resolve(root), candidate);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return REFUSED;
  }
  if (isFile(candidate)) return { kind: 'file', path: candidate };
  return extname(candidate) === '' ? { kind: 'file', path: index } : NOT_FOUND;
}

/**
 * The decoded path segments of an app://desk URL, or null when the URL is not ours or a segment
 * could name something outside root. Works on the raw text: WHATWG parsing would silently
 * collapse '..' and '%2e%2e', hiding the attempt.
 */
function pathSegments(requestUrl: string): string[] | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rest === '' || rest === '/') return [];
  if (!rest.startsWith('/')) return null;

  const raw = rest.slice(1).split('/');
  // A trailing slash names a directory, which the SPA treats as a route.
  if (raw[raw.length - 1] === '') raw.pop();

  const segments: string[] = [];
  for (const part of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (!isSafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  return segments;
}

/** Empty, dot and drive-like segments and any separator or NUL smuggled in by encoding are refused. */
function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  return !/[/\\:\0]/.test(segment);
}
