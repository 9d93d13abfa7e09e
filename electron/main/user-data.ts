import { resolve } from 'node:path';

/*
 * Where the office's data lives. A development build may be pointed elsewhere (tests give each run
 * its own folder); an installed app never: an environment variable or a --user-data-dir switch in a
 * shortcut must not quietly swap the records a clerk works on for another set. Kept free of Electron
 * so that the rule is tested on its own.
 */

/** Lets tests and development runs keep all data, logs and the instance lock in one folder. */
export const USER_DATA_ENV = 'TOWNSHIP_DESK_USER_DATA';

interface UserDataLaunch {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Chromium's --user-data-dir switch, which Electron also honours for userData. */
  hasUserDataSwitch: boolean;
  /** Electron's own choice: <appData>/<product name>. */
  standardPath: string;
}

/** The folder to set as userData, or undefined to leave Electron's as it is. */
export function userDataOverride(launch: UserDataLaunch): string | undefined {
  if (launch.isPackaged) return launch.hasUserDataSwitch ? launch.standardPath : undefined;
  const fromEnv = launch.env[USER_DATA_ENV];
  return fromEnv ? resolve(fromEnv) : undefined;
}
