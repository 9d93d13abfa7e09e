import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { residentIdNumber } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { createHarness, type Harness } from '../../testing/harness';
import { joinHub } from '../../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../../testing/in-process-hub';
import { pullRecords, recordHub } from './pull';

const YANTOU = orgUnitIdFromDivisionCode('330324108');
const SCENE_TIMEOUT_MS = 300_000;
/** The page size above which the busy hub below answers too late. */
const SLOW_ABOVE = 100;

/** An HTTP relay to the hub that holds back pull requests for more than SLOW_ABOVE records. */
function startBusyHub(target: string, asked: number[]): Promise<{ url: string; server: Server }> {
  const { hostname, port } = new URL(target);
  const server = createServer((incoming, answer) => {
    const url = new URL(incoming.url ?? '/', 'http://relay');
    const limit = url.searchParams.get('limit');
    if (url.pathname.endsWith('/pull') && limit) asked.push(Number(limit));
    const delay = limit && Number(limit) > SLOW_ABOVE ? 3_000 : 0;
    setTimeout(() => {
      const forward = request(
        { hostname, port, path: incoming.url, method: incoming.method, headers: incoming.headers },
        (response) => {
          answer.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(answer);
        },
      );
      forward.on('error', () => answer.destroy());
      incoming.pipe(forward);
    }, delay);
  });
  return new Promise((listening) => {
    server.listen(0, '127.0.0.1', () => {
      const { port: relayPort } = server.address() as { port: number };
      listening({ url: `http://127.0.0.1:${relayPort}`, server });
    });
  });
}

describe('pulling from a hub too busy for a whole page', { timeout: SCENE_TIMEOUT_MS }, () => {
  let hub: InProcessHub;
  let window1: Harness;
  let window2: Harness;
  let admin1: string;

  beforeAll(async () => {
    hub = await startInProcessHub();
    const county = await createHarness();
    window1 = await createHarness();
    window2 = await createHarness();
    const countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
    const code = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, countyAdmin)).code;
    admin1 = await joinHub(window1, hub.url, await code(), { username: 'yantou_admin' });
    await joinHub(window2, hub.url, await code(), {
      username: 'yantou_admin2',
      terminalName: '二号窗口',
    });
    await county.cleanup();
  }, SCENE_TIMEOUT_MS);
  afterAll(async () => {
    for (const h of [window1, window2]) await h?.cleanup();
    await hub?.stop();
  });

  it('asks for smaller pages after a timeout until one arrives, and gets every record', async () => {
    for (let i = 0; i < 30; i += 1) {
      await window1.ok(
        'residents.create',
        {
          name: `居民${i}`,
          docType: 'resident_id',
          docNumber: residentIdNumber(YONGJIA_AREA, '1950-03-04', 100 + i),
          address: '永嘉县岩头镇丽水街 1 号',
        },
        admin1,
      );
    }
    expect((await window1.ok('hub.syncNow', {}, admin1)).problem).toBeNull();

    const asked: number[] = [];
    const busy = await startBusyHub(hub.url, asked);
    try {
      const rt = window2.backend.runtime;
      const options = { ...(await recordHub(rt))!, baseUrl: busy.url, timeoutMs: 1_000 };
      const first = await pullRecords(rt, { hub: options });
      const second = await pullRecords(rt, { hub: options });
      const third = await pullRecords(rt, { hub: options });
      expect([first.state, second.state, third.state]).toEqual([
        'unreachable',
        'unreachable',
        'done',
      ]);
      // Each pull asks first for one record (whether anything is new), then for its pages.
      expect(asked.slice(0, 6)).toEqual([1, 1000, 1, 250, 1, 62]);
      // The one record each pull asked for first is applied with its cursor, timeout or not.
      expect(first.applied + second.applied + third.applied).toBeGreaterThanOrEqual(30);
      const count = rt.sqlite.prepare('SELECT count(*) AS n FROM residents').get() as { n: number };
      expect(count.n).toBeGreaterThanOrEqual(30);
    } finally {
      busy.server.closeAllConnections();
      busy.server.close();
    }
  });
});
