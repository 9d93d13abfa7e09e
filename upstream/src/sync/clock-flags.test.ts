import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { formatHlc } from '@shared/sync/hlc';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { syncCounty } from '../../test/sync-county';
import { insert, resident } from '../../test/terminal-log';

const DAY_MS = 24 * 3600_000;

describeOnBackends('clock flags for the county centre', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  /** A resident recorded at window 1 with a version this far past the hub's clock. */
  function aheadBy(ms: number) {
    const { log } = county.window1;
    const version = formatHlc({
      wall: county.hub.clock.now.getTime() + ms,
      counter: 0,
      node: county.window1.terminalId,
    });
    return log.tx({ ...insert('residents', randomUUID(), resident()), version });
  }

  it('answers a flagged push with the hub’s time, and an ordinary one without it', async () => {
    county = await syncCounty(db());
    const fine = await county.window1.push(
      county.window1.log.tx(insert('residents', randomUUID(), resident())),
    );
    expect(fine.body.clockAhead).toEqual([]);
    expect(fine.body.hubTime).toBeUndefined();
    const ahead = await county.window1.push(aheadBy(30 * DAY_MS));
    expect(ahead.body).toMatchObject({
      clockAhead: [2],
      hubTime: county.hub.clock.now.toISOString(),
    });
  });

  it('lists each terminal’s latest flag to the county centre: how far ahead and when', async () => {
    county = await syncCounty(db());
    await county.window1.push(aheadBy(365 * DAY_MS));
    county.hub.clock.now = new Date(county.hub.clock.now.getTime() + 2 * 3600_000);
    const latestAt = county.hub.clock.now.toISOString();
    await county.window1.push(aheadBy(3 * DAY_MS));
    await county.window2.push(county.window2.log.tx(insert('residents', randomUUID(), resident())));

    const listed = await county.hub.call('GET', HUB_PATHS.adminTerminals, {
      token: county.centre.token,
    });
    expect(listed.status).toBe(200);
    const byId = new Map(
      listed.body.terminals.map((t: { terminalId: string; clockAhead: unknown }) => [
        t.terminalId,
        t.clockAhead,
      ]),
    );
    expect(byId.get(county.window1.terminalId)).toEqual({
      aheadMs: 3 * DAY_MS,
      flaggedAt: latestAt,
    });
    expect(byId.get(county.window2.terminalId)).toBeNull();
    expect(byId.get(county.centre.terminalId)).toBeNull();

    // Only the county centre sees the county's terminals.
    const refused = await county.hub.call('GET', HUB_PATHS.adminTerminals, {
      token: county.window2.token,
    });
    expect(refused.status).toBe(403);
  });
});
