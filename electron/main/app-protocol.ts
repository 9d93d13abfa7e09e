import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { withPageHeaders } from './app-protocol-headers';
import { APP_SCHEME, resolveAppRequest } from './app-protocol-path';

/*
 * The renderer is served from app://desk, never file://: a file:// page may read any file the
 * user can, and every file:// page shares one origin.
 */

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and a real origin; secure: camera access and a secure context.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const target = resolveAppRequest(request.url, root, isFile);
    switch (target.kind) {
      case 'refused':
        return new Response(null, { status: 400 });
      case 'not-found':
        return new Response(null, { status: 404 });
      case 'file':
        return withPageHeaders(await net.fetch(pathToFileURL(target.path).toString()));
    }
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
