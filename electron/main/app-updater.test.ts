import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateProgress } from '@shared/api/transport';
import { CHECK_EVERY_MS, createAppUpdates, type UpdaterLike } from './app-updater';

/** electron-updater's AppUpdater as far as main uses it; the real one needs the Electron binary. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  requestHeaders: Record<string, string> | null = null;
  feedUrls: string[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feedUrls.push(options.url);
  }
  checkForUpdates() {
    this.checks += 1;
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const feed = {
  url: 'https://10.33.1.20:8443/v1/updates/',
  requestHeaders: { authorization: 'Bearer secret-token', 'x-township-desk-app-version': '0.1.0' },
};

function setUp() {
  const updater = new FakeUpdater();
  const sent: UpdateProgress[] = [];
  const log = { info: vi.fn(), warn: vi.fn() };
  const updates = createAppUpdates(updater, (progress) => sent.push(progress), log);
  return { updater, sent, log, updates };
}

afterEach(() => vi.useRealTimers());

describe('app updates in Electron main', () => {
  it('downloads in the background, installs at quit, and checks the hub’s feed with the token in headers', () => {
    vi.useFakeTimers();
    const { updater, updates } = setUp();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updates.setFeed(feed);
    expect(updater.feedUrls).toEqual([feed.url]);
    expect(updater.requestHeaders).toEqual(feed.requestHeaders);
    expect(updater.checks).toBe(1);
    // The backend says the same at its next check: no second check, no second feed.
    updates.setFeed(feed);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(updater.checks).toBe(2);
    updates.stop();
  });

  it('reports progress, and restarts to install only once the verified installer is there', () => {
    const { updater, sent, updates } = setUp();
    updates.setFeed(feed);
    expect(updates.restart()).toEqual({ restarting: false });
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 42.5 });
    expect(updates.state()).toMatchObject({
      state: 'downloading',
      version: '0.2.0',
      percent: 42.5,
    });
    expect(updates.restart()).toEqual({ restarting: false });
    updater.emit('update-downloaded', { version: '0.2.0' });
    // A failed later check does not take the downloaded installer back.
    updater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'));
    expect(sent.at(-1)).toMatchObject({ state: 'downloaded', version: '0.2.0' });
    expect(updates.restart()).toEqual({ restarting: true });
    expect(updater.installs).toEqual([[true, true]]);
    updates.stop();
  });

  it('stops checking when the terminal leaves the hub, and never logs the token', () => {
    vi.useFakeTimers();
    const { updater, log, updates } = setUp();
    updates.setFeed(feed);
    updater.emit('error', new Error('HttpError: 401'));
    updates.setFeed(null);
    expect(updater.requestHeaders).toBeNull();
    vi.advanceTimersByTime(CHECK_EVERY_MS * 2);
    expect(updater.checks).toBe(1);
    expect(JSON.stringify([log.info.mock.calls, log.warn.mock.calls])).not.toContain('secret');
    expect(updates.state()).toMatchObject({ state: 'error' });
  });
});
