import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '@shared/sync/hlc';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { syncCounty } from '../../test/sync-county';
import { insert, resident, update } from '../../test/terminal-log';

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

  it('does not flag an edit that steps past a base stamped ahead by another terminal', async () => {
    county = await syncCounty(db());
    const recordId = randomUUID();
    const written = aheadBy(365 * DAY_MS);
    written[0] = { ...written[0]!, recordId, columns: { ...written[0]!.columns, id: recordId } };
    expect((await county.window1.push(written)).body.clockAhead).toEqual([written[0]!.seq]);

    // Window 2's clock is right: its edit of that record carries the base's time, one step on
    // (Stamper.nextVersionAfter), and a later edit of its own is at its own time.
    const base = parseHlc(written[0]!.version);
    const stepped = formatHlc({
      ...base,
      counter: base.counter + 1,
      node: county.window2.terminalId,
    });
    const edit = county.window2.log.tx({
      ...update('residents', recordId, { phone: '13900000001' }, written[0]!.version),
      version: stepped,
    });
    const answer = await county.window2.push(edit);
    expect(answer.body.rejections).toEqual([]);
    expect(answer.body.clockAhead).toEqual([]);
    expect(answer.body.hubTime).toBeUndefined();

    // A version far past its base is this terminal's own clock, and is flagged.
    const own = county.window2.log.tx({
      ...update('residents', recordId, { phone: '13900000002' }, stepped),
      version: formatHlc({ ...base, wall: base.wall + DAY_MS, node: county.window2.terminalId }),
    });
    expect((await county.window2.push(own)).body.clockAhead).toEqual([own[0]!.seq]);
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
