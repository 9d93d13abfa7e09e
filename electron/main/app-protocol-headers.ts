import { PAGE_SECURITY_HEADERS } from '@shared/security/page-headers';

/*
 * The app:// handler's answers carry the page's security headers. The CSP in index.html's <meta>
 * cannot forbid framing and only applies once the parser reaches it; a header applies from the first
 * byte. Kept free of Electron so that it is tested on its own.
 */

export function withPageHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
