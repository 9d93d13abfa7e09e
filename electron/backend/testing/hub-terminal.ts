import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from './county-hub';
import { ADMIN_PASSWORD, createHarness, type Harness } from './harness';

/**
 * A terminal joins the county hub as the wizard does (加入县级平台, then 完成设置) and its first
 * administrator signs in; answers his session. Usernames are unique in the county, so each
 * terminal's administrator is named after his unit unless the test says otherwise.
 */
export async function joinHub(
  h: Harness,
  hubUrl: string,
  code: string,
  options: { username?: string; displayName?: string; terminalName?: string } = {},
): Promise<string> {
  const username = options.username ?? 'admin';
  await h.ok('hub.join', { hubUrl, code });
  await h.ok('hub.completeSetup', {
    terminalName: options.terminalName ?? '一号窗口',
    admin: { username, displayName: options.displayName ?? '陈建国', password: ADMIN_PASSWORD },
  });
  return (await h.ok('auth.signIn', { username, password: ADMIN_PASSWORD })).token;
}

/** 岩头镇 of the demo county that `npm run hub` serves. */
const YANTOU = '330324108';

/** One real hub with its county centre and a township joined, shared by a file's tests in order. */
export interface CountyScene {
  /** Replaced by restartHub(). */
  hub: CountyHub;
  /** Stops the hub and starts it again on its data and port (the terminals keep its address). */
  restartHub(options?: { whileStopped?: () => Promise<void> }): Promise<void>;
  county: Harness;
  countyAdmin: string;
  township: Harness;
  townshipAdmin: string;
  close(): Promise<void>;
}

/** What starting the hub and joining two terminals may take on a busy machine. */
export const COUNTY_SCENE_TIMEOUT_MS = HUB_START_TIMEOUT_MS + 180_000;

/** The hub (npm run hub's code on PGlite in a temp folder), its centre and 岩头镇, both joined. */
export async function countyWithTownship(): Promise<CountyScene> {
  const hubDir = mkdtempSync(join(tmpdir(), 'desk-hub-'));
  const hub = await startCountyHub(join(hubDir, 'hub'));
  const county = await createHarness();
  const township = await createHarness();
  const countyAdmin = await joinHub(county, hub.url, hub.firstCode, {
    terminalName: '县中心一号机',
  });
  const issued = await county.ok(
    'hub.issueCode',
    { orgUnitId: orgUnitIdFromDivisionCode(YANTOU) },
    countyAdmin,
  );
  const townshipAdmin = await joinHub(township, hub.url, issued.code, {
    username: 'yantou_admin',
  });
  const scene: CountyScene = {
    hub,
    async restartHub(options = {}) {
      await scene.hub.stop();
      await options.whileStopped?.();
      scene.hub = await startCountyHub(join(hubDir, 'hub'), {
        port: Number(new URL(hub.url).port),
      });
    },
    county,
    countyAdmin,
    township,
    townshipAdmin,
    async close() {
      await county.cleanup();
      await township.cleanup();
      await scene.hub.stop();
      rmSync(hubDir, { recursive: true, force: true });
    },
  };
  return scene;
}
