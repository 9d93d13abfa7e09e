/**
 * App updates: comparing versions and what to tell the person about an update. Pure, so that the
 * Electron main process, the backend (browser mode) and the renderer decide alike.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated identifiers after "-": digits compare as numbers, below any text. */
  prerelease: (number | string)[];
}

const VERSION_PATTERN =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Semantic versions as electron-builder writes them (1.2.3, 1.3.0-beta.2); null for anything else. */
export function parseVersion(text: string): Version | null {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return null;
  const prerelease = match[4]
    ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease };
}

export function isVersion(text: string): boolean {
  return parseVersion(text) !== null;
}

function compareIdentifiers(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Negative, zero or positive as a is older than, as old as, or newer than b (build metadata after
 * "+" is ignored, as semver says). A version that does not parse counts as older than any that
 * does, so a garbled version never blocks an update.
 */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return left ? 1 : right ? -1 : 0;
  const core =
    Math.sign(left.major - right.major) ||
    Math.sign(left.minor - right.minor) ||
    Math.sign(left.patch - right.patch);
  if (core !== 0) return core;
  // A release ranks above its own pre-releases.
  if (left.prerelease.length === 0 || right.prerelease.length === 0)
    return Math.sign(right.prerelease.length - left.prerelease.length);
  const length = Math.min(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i += 1) {
    const order = compareIdentifiers(left.prerelease[i]!, right.prerelease[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(left.prerelease.length - right.prerelease.length);
}

/** Whether an app of `version` may still sync with a hub that states `oldest` (null: any). */
export function isTooOldToSync(version: string, oldest: string | null): boolean {
  return oldest !== null && compareVersions(version, oldest) < 0;
}

/** What is known about updates at one moment. */
export interface UpdateFacts {
  currentVersion: string;
  /** The hub's current release; null when it has none or was not asked yet. */
  latestVersion: string | null;
  /** The oldest app version the hub still syncs with; null when it states none. */
  oldestAppVersion: string | null;
  /** The desktop app downloads and installs by itself; browser mode cannot. */
  canSelfUpdate: boolean;
  /** 0–100 while the desktop app downloads; null otherwise. */
  downloadPercent: number | null;
  /** The desktop app downloaded and verified the installer: it installs at quit. */
  downloaded: boolean;
}

export type UpdatePhase = 'upToDate' | 'available' | 'downloading' | 'ready';

export interface UpdateNotice {
  phase: UpdatePhase;
  /** The version on offer; null when up to date. */
  version: string | null;
  /** The hub no longer syncs with this version: work goes on offline until it is updated. */
  tooOld: boolean;
  /** One line for the status bar. */
  short: string;
  /** The banner's title and text; null when there is nothing to show. */
  title: string | null;
  detail: string | null;
  /** Whether 立即重启更新 can be offered. */
  canRestart: boolean;
}

export const BROWSER_MODE_UPDATE_HINT =
  '浏览器模式不会自动更新：桌面版基层一窗通会自行从县级平台下载并安装新版本；浏览器模式请由系统管理员在本机安装新版本后重新启动服务。';

function tooOldText(oldest: string): string {
  return `县级平台只与 ${oldest} 及以上版本同步，本机暂不能同步。请更新软件；本机数据仍可离线使用。`;
}

/** What to tell the person, from what is known; the table in updates.test.ts says it case by case. */
export function describeUpdate(facts: UpdateFacts): UpdateNotice {
  const tooOld = isTooOldToSync(facts.currentVersion, facts.oldestAppVersion);
  const newer =
    facts.latestVersion !== null && compareVersions(facts.latestVersion, facts.currentVersion) > 0
      ? facts.latestVersion
      : null;
  const oldestLine = tooOld ? tooOldText(facts.oldestAppVersion!) : null;
  if (!newer) {
    return {
      phase: 'upToDate',
      version: null,
      tooOld,
      short: tooOld ? '软件版本过旧' : `版本 ${facts.currentVersion}`,
      title: tooOld ? '本机软件版本过旧' : null,
      detail: tooOld ? `${oldestLine}县级平台上暂无可用的新版本，请联系县级中心。` : null,
      canRestart: false,
    };
  }
  const title = tooOld ? `本机软件版本过旧，有新版本 ${newer}` : `有新版本 ${newer}`;
  const prefix = oldestLine ?? '';
  if (!facts.canSelfUpdate) {
    return {
      phase: 'available',
      version: newer,
      tooOld,
      short: `有新版本 ${newer}`,
      title,
      detail: `${prefix}${BROWSER_MODE_UPDATE_HINT}`,
      canRestart: false,
    };
  }
  if (facts.downloaded) {
    return {
      phase: 'ready',
      version: newer,
      tooOld,
      short: `新版本 ${newer} 已下载`,
      title,
      detail: `${prefix}新版本已下载并校验，将在退出时自动安装；也可保存手头的工作后点“立即重启更新”。`,
      canRestart: true,
    };
  }
  if (facts.downloadPercent !== null) {
    const percent = Math.max(0, Math.min(100, Math.floor(facts.downloadPercent)));
    return {
      phase: 'downloading',
      version: newer,
      tooOld,
      short: `正在下载新版本 ${newer}（${percent}%）`,
      title,
      detail: `${prefix}正在后台下载（${percent}%），不影响当前工作；下载完成后将在退出时自动安装。`,
      canRestart: false,
    };
  }
  return {
    phase: 'available',
    version: newer,
    tooOld,
    short: `有新版本 ${newer}`,
    title,
    detail: `${prefix}将在后台下载，下载完成后在退出时自动安装。`,
    canRestart: false,
  };
}
