const SECRET_KEY = 'desk.launchSecret';

/**
 * Browser mode's per-launch secret arrives once, in the URL the server printed. Keep it for reloads of
 * this tab and take it out of the address bar so that it does not linger in history or screenshots.
 */
export function takeLaunchSecret(win: Window): string | null {
  const params = new URLSearchParams(win.location.search);
  const fromUrl = params.get('secret');
  if (fromUrl) {
    win.sessionStorage.setItem(SECRET_KEY, fromUrl);
    params.delete('secret');
    const search = params.size > 0 ? `?${params.toString()}` : '';
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${search}${win.location.hash}`,
    );
  }
  return win.sessionStorage.getItem(SECRET_KEY);
}
