import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { createHarness, type Harness } from './harness';
import { joinHub } from './hub-terminal';
import { seedHubRecords, startInProcessHub, type InProcessHub } from './in-process-hub';
import { pulledFromOutbox } from './pulled-records';

/** 岩头镇 of the demo county. */
const YANTOU = orgUnitIdFromDivisionCode('330324108');

/**
 * An in-process hub with its county centre, 岩头镇's first window, and terminals of 岩头镇 joined
 * before the hub had the records the first window wrote (`write`, with its administrator's session):
 * each of them pulls those records as a new terminal would. A file's tests take one terminal each.
 */
export interface TerminalsBeforeRecords {
  hub: InProcessHub;
  county: Harness;
  countyAdmin: string;
  window1: Harness;
  /** By the name each joined with (its administrator's username and its terminal name). */
  fresh: Map<string, { h: Harness; token: string }>;
  close(): Promise<void>;
}

export async function terminalsBeforeRecords(
  names: readonly string[],
  write: (window1: Harness, admin: string) => Promise<void>,
): Promise<TerminalsBeforeRecords> {
  const hub = await startInProcessHub();
  const county = await createHarness();
  const window1 = await createHarness();
  const fresh = new Map<string, { h: Harness; token: string }>();
  const scene: TerminalsBeforeRecords = {
    hub,
    county,
    countyAdmin: await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' }),
    window1,
    fresh,
    async close() {
      for (const h of [county, window1, ...[...fresh.values()].map((t) => t.h)]) await h.cleanup();
      await hub.stop();
    },
  };
  const issueCode = async () =>
    (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, scene.countyAdmin)).code;
  const admin1 = await joinHub(window1, hub.url, await issueCode(), { username: 'yantou_admin' });
  for (const name of names) {
    const h = await createHarness();
    const token = await joinHub(h, hub.url, await issueCode(), {
      username: name,
      terminalName: name,
    });
    fresh.set(name, { h, token });
  }
  await write(window1, admin1);
  await seedHubRecords(hub, YANTOU, await pulledFromOutbox(window1));
  return scene;
}
