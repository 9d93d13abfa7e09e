import { describe, expect, it } from 'vitest';
import { compareVersions, describeUpdate, isTooOldToSync, parseVersion } from './updates';

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.0.0-beta.1', '1.0.0', -1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-beta.11', 1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['v1.2.3', '1.2.3', 0],
    ['garbled', '0.0.1', -1],
    ['0.0.1', 'garbled', 1],
  ] as const)('%s vs %s → %i', (a, b, order) => {
    expect(compareVersions(a, b)).toBe(order);
  });

  it('parses pre-release identifiers as numbers where they are digits', () => {
    expect(parseVersion('1.3.0-beta.2')).toEqual({
      major: 1,
      minor: 3,
      patch: 0,
      prerelease: ['beta', 2],
    });
    expect(parseVersion('1.3')).toBeNull();
    expect(parseVersion('01.2.3')).toBeNull();
  });

  it.each([
    ['0.1.0', null, false],
    ['0.1.0', '0.1.0', false],
    ['0.1.0', '0.2.0', true],
    ['0.2.0-beta.1', '0.2.0', true],
  ] as const)('app %s with the hub stating %s is too old: %s', (version, oldest, tooOld) => {
    expect(isTooOldToSync(version, oldest)).toBe(tooOld);
  });
});

describe('describeUpdate', () => {
  const base = {
    currentVersion: '0.1.0',
    latestVersion: null,
    oldestAppVersion: null,
    canSelfUpdate: true,
    downloadPercent: null,
    downloaded: false,
  };

  it.each([
    ['nothing on the hub', {}, 'upToDate', null, '版本 0.1.0', false],
    [
      'the same version on the hub',
      { latestVersion: '0.1.0' },
      'upToDate',
      null,
      '版本 0.1.0',
      false,
    ],
    [
      'an older version on the hub',
      { latestVersion: '0.0.9' },
      'upToDate',
      null,
      '版本 0.1.0',
      false,
    ],
    ['a newer one', { latestVersion: '0.2.0' }, 'available', '0.2.0', '有新版本 0.2.0', false],
    [
      'a newer one, downloading',
      { latestVersion: '0.2.0', downloadPercent: 42.7 },
      'downloading',
      '0.2.0',
      '正在下载新版本 0.2.0（42%）',
      false,
    ],
    [
      'a newer one, downloaded',
      { latestVersion: '0.2.0', downloadPercent: 100, downloaded: true },
      'ready',
      '0.2.0',
      '新版本 0.2.0 已下载',
      true,
    ],
    [
      'a newer one in browser mode',
      { latestVersion: '0.2.0', canSelfUpdate: false },
      'available',
      '0.2.0',
      '有新版本 0.2.0',
      false,
    ],
    [
      'a pre-release of the current version',
      { currentVersion: '0.2.0', latestVersion: '0.2.0-rc.1' },
      'upToDate',
      null,
      '版本 0.2.0',
      false,
    ],
  ] as const)('%s', (_case, facts, phase, version, short, canRestart) => {
    const notice = describeUpdate({ ...base, ...facts });
    expect(notice).toMatchObject({ phase, version, short, canRestart, tooOld: false });
    expect(notice.title === null).toBe(phase === 'upToDate');
  });

  it('tells a too-old app to update and that it still works offline', () => {
    const notice = describeUpdate({ ...base, latestVersion: '0.3.0', oldestAppVersion: '0.2.0' });
    expect(notice).toMatchObject({ phase: 'available', tooOld: true, version: '0.3.0' });
    expect(notice.title).toBe('本机软件版本过旧，有新版本 0.3.0');
    expect(notice.detail).toContain('县级平台只与 0.2.0 及以上版本同步');
    expect(notice.detail).toContain('本机数据仍可离线使用');
  });

  it('says so even when the hub has no newer release to offer', () => {
    const notice = describeUpdate({ ...base, oldestAppVersion: '0.2.0' });
    expect(notice).toMatchObject({ phase: 'upToDate', tooOld: true, short: '软件版本过旧' });
    expect(notice.detail).toContain('请联系县级中心');
  });

  it('tells browser mode how to update instead of offering a restart', () => {
    const notice = describeUpdate({ ...base, latestVersion: '0.2.0', canSelfUpdate: false });
    expect(notice.detail).toContain('浏览器模式不会自动更新');
    expect(notice.canRestart).toBe(false);
  });
});
