import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { SYNC_PATHS, type PushEntry } from '@shared/sync/records-contract';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { hubRecord, syncCounty, type SyncTerminal } from '../../test/sync-county';
import { insert, resident, update } from '../../test/terminal-log';

/**
 * 同步冲突 without false alarms or duplicates (issue 15, item 5): every scene is made of real pushes
 * through the push endpoint, and read back as the 同步冲突 screen reads it (GET conflicts).
 */

/** The same entries again, as a terminal sends them after renumbering them into a new epoch. */
function resend(terminal: SyncTerminal, ...batches: PushEntry[][]) {
  const entries = batches.flat().map((entry, i) => ({ ...entry, seq: i + 1 }));
  return terminal.push(entries, randomUUID());
}

describeOnBackends('同步冲突: no false alarms, one conflict per field', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>> | undefined;
  afterEach(async () => {
    await county?.hub.close();
    county = undefined;
  });

  async function scene() {
    county = await syncCounty(db());
    const { window1, window2 } = county;
    const residentId = randomUUID();
    const created = await window1.push(
      window1.log.tx(insert('residents', residentId, resident('王小红'))),
    );
    expect(created.body.rejections).toEqual([]);
    const base = window1.log.versions.get(residentId)!;
    window2.log.saw(residentId, base);
    const listed = async () =>
      (await county!.hub.call('GET', SYNC_PATHS.conflicts, { token: window1.token })).body
        .conflicts as {
        id: string;
        kept: { value: unknown; terminalId: string };
        other: { value: unknown; terminalId: string };
      }[];
    const address = async () =>
      (await hubRecord(db(), county!.hub.countyCode, 'residents', residentId))!.columns.address;
    return { county, window1, window2, residentId, base, listed, address };
  }

  it('a terminal sending its own earlier change again after a renumbering opens nothing, though it changed the field since', async () => {
    const { window1, residentId, listed, address } = await scene();
    const first = window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' }));
    await window1.push(first);
    const second = window1.log.tx(update('residents', residentId, { address: '城东社区 9 号' }));
    await window1.push(second);

    const again = await resend(window1, first, second);
    expect(again.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await listed()).toEqual([]);
    expect(await address()).toBe('城东社区 9 号');
  });

  it('a change sent again after another window, having seen it, changed the field opens nothing and keeps the later value', async () => {
    const { window1, window2, residentId, listed, address } = await scene();
    const first = window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' }));
    await window1.push(first);
    window2.log.saw(residentId, window1.log.versions.get(residentId)!);
    await window2.push(
      window2.log.tx(update('residents', residentId, { address: '城东社区 18 号' })),
    );

    const again = await resend(window1, first);
    expect(again.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await listed()).toEqual([]);
    expect(await address()).toBe('城东社区 18 号');
  });

  it('two windows writing the same value from the same base is no conflict', async () => {
    const { window1, window2, residentId, listed, address } = await scene();
    await window1.push(
      window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' })),
    );
    const second = await window2.push(
      window2.log.tx(update('residents', residentId, { address: '城东社区 8 号' })),
    );
    expect(second.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await listed()).toEqual([]);
    expect(await address()).toBe('城东社区 8 号');
  });

  it('a conflicting change sent again opens no second conflict, and once resolved it does not reopen it', async () => {
    const { county, window1, window2, residentId, listed, address } = await scene();
    await window1.push(
      window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' })),
    );
    const conflicting = window2.log.tx(
      update('residents', residentId, { address: '城东社区 18 号' }),
    );
    expect((await window2.push(conflicting)).body.conflictsOpened).toBe(1);
    expect((await resend(window2, conflicting)).body.conflictsOpened).toBe(0);
    const open = await listed();
    expect(open).toHaveLength(1);

    // The supervisor at window 1 takes window 2's value, the way the terminal does: on the record as
    // pulled, the choice pushed as a change, then the conflict closed.
    const pulled = await hubRecord(db(), county.hub.countyCode, 'residents', residentId);
    window1.log.saw(residentId, pulled!.version);
    const choice = window1.log.tx(update('residents', residentId, { address: '城东社区 18 号' }));
    expect((await window1.push(choice)).body).toMatchObject({ conflictsOpened: 0 });
    const closed = await county.hub.call('POST', SYNC_PATHS.resolveConflict(open[0]!.id), {
      token: window1.token,
      body: { choice: 'other', resolvedBy: 'u-boss' },
    });
    expect(closed.status).toBe(200);
    // Window 1 later corrects the address once more, having seen the choice.
    const later = window1.log.tx(update('residents', residentId, { address: '城东社区 28 号' }));
    await window1.push(later);

    // Both sides and the choice come again (renumbered after a restore): nothing reopens.
    expect((await resend(window2, conflicting)).body.conflictsOpened).toBe(0);
    expect((await resend(window1, choice)).body.conflictsOpened).toBe(0);
    expect(await listed()).toEqual([]);
    expect(await address()).toBe('城东社区 28 号');
  });

  it('a second conflict on the same field joins the open one, or replaces its sides with a new value', async () => {
    const { county, window1, window2, residentId, base, listed } = await scene();
    const window3 = await county.enrolAt(`${county.hub.countyCode}001`);
    window3.log.saw(residentId, base);
    await window1.push(
      window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' })),
    );
    await window2.push(
      window2.log.tx(update('residents', residentId, { address: '城东社区 18 号' })),
    );

    // Window 3 wrote window 2's value from the same base: the same choice, joined.
    const same = await window3.push(
      window3.log.tx(update('residents', residentId, { address: '城东社区 18 号' }, base)),
    );
    expect(same.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    const joined = await listed();
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({
      kept: { value: '城东社区 8 号', terminalId: window1.terminalId },
      other: { value: '城东社区 18 号', terminalId: window2.terminalId },
    });

    // Window 3 then wrote yet another value from that base: it takes the other side's place.
    const third = await window3.push(
      window3.log.tx(update('residents', residentId, { address: '城东社区 38 号' }, base)),
    );
    expect(third.body).toMatchObject({ rejections: [], conflictsOpened: 1 });
    const replaced = await listed();
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({
      id: joined[0]!.id,
      kept: { value: '城东社区 8 号', terminalId: window1.terminalId },
      other: { value: '城东社区 38 号', terminalId: window3.terminalId },
    });
  });
});
