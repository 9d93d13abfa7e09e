/*
 * What every page of ours is served with, by the app:// protocol in Electron and by browser mode's
 * HTTP host, so that both hold the page to the same rules. renderer/index.html repeats the policy in
 * a <meta> tag (less frame-ancestors, which a meta tag cannot set) for the dev server, which serves
 * the HTML itself; a test keeps the two equal.
 */

/** The page's policy as the HTML states it; Mantine injects <style> tags, hence 'unsafe-inline' for styles only. */
export const PAGE_POLICY_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** No other page may frame ours (clickjacking a counter clerk into confirming something). */
export const CONTENT_SECURITY_POLICY = [...PAGE_POLICY_DIRECTIVES, "frame-ancestors 'none'"].join(
  '; ',
);

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // A file is only ever what its content-type says: an uploaded "image" is never run as script.
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
