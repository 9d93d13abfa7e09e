import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { formatHlc } from '@shared/sync/hlc';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { SYNC_REJECTION_MESSAGES } from '@shared/sync/records-contract';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { feedOf, hubRecord, syncCounty } from '../../test/sync-county';
import {
  caseEventRow,
  caseRow,
  insert,
  materialRow,
  resident,
  update,
} from '../../test/terminal-log';

describeOnBackends('the push of a terminal’s change log', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  const counts = async () => {
    const code = county.hub.countyCode;
    const count = async (table: 'sync_records' | 'sync_feed' | 'sync_rejections') =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
            WHERE county_code = ${code}`.execute(db())
        ).rows[0]!.n,
      );
    const sequence = await db()
      .selectFrom('sync_sequences')
      .select('last_seq')
      .where('county_code', '=', code)
      .executeTakeFirst();
    return {
      records: await count('sync_records'),
      feed: await count('sync_feed'),
      rejections: await count('sync_rejections'),
      lastChange: Number(sequence?.last_seq ?? 0),
    };
  };

  /** A resident and a counter case with one material, in two use cases of window 1. */
  function firstCase() {
    const { log } = county.window1;
    const residentId = randomUUID();
    const caseId = randomUUID();
    const entries = [
      ...log.tx(insert('residents', residentId, resident())),
      ...log.tx(
        insert('cases', caseId, caseRow(residentId)),
        insert('case_materials', randomUUID(), materialRow(caseId)),
        insert('case_events', randomUUID(), caseEventRow(caseId)),
      ),
    ];
    return { residentId, caseId, entries };
  }

  it('applies a push once: the same request again changes nothing and gets the same answer', async () => {
    county = await syncCounty(db());
    const { caseId, entries } = firstCase();
    const stranger = county.window1.log.tx(
      update('cases', randomUUID(), { state: 'accepted' }, null),
    );
    const first = await county.window1.push([...entries, ...stranger]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      decidedThrough: 5,
      rejections: [
        { seq: 5, code: 'UNKNOWN_RECORD', message: SYNC_REJECTION_MESSAGES.UNKNOWN_RECORD },
      ],
      clockAhead: [],
      conflictsOpened: 0,
    });
    const after = await counts();
    expect(after).toMatchObject({ records: 4, rejections: 1 });
    // The answer was lost on the way back (a cut after the commit): the terminal sends it again.
    const again = await county.window1.push([...entries, ...stranger]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(after);
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored).toMatchObject({ org_unit_id: county.window1.unitId, root_id: caseId });
    expect(stored!.columns).toMatchObject({ state: 'received', resident_id: entries[0]!.recordId });
    // Part repeated, part new: only the new part is applied.
    const more = county.window1.log.tx(update('cases', caseId, { state: 'accepted' }));
    const mixed = await county.window1.push([...entries.slice(1), ...stranger, ...more]);
    expect(mixed.body).toMatchObject({ decidedThrough: 6, rejections: first.body.rejections });
    expect(await counts()).toMatchObject({ records: 4, rejections: 1 });
    const accepted = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(accepted!.columns.state).toBe('accepted');
  });

  it('takes seqs that skip (other channels numbered them), refuses entries out of order, and applies nothing of those', async () => {
    county = await syncCounty(db());
    const { entries } = firstCase();
    expect((await county.window1.push(entries.slice(0, 1))).body.decidedThrough).toBe(1);
    const reordered = await county.window1.push([entries[2]!, entries[1]!, entries[3]!]);
    expect(reordered.status).toBe(400);
    expect(reordered.body).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('顺序不对'),
    });
    expect(await counts()).toMatchObject({ records: 1 });
    // Seqs 2–5 went to account changes, which travel on their own channel.
    const skipping = entries.slice(1).map((entry) => ({ ...entry, seq: entry.seq + 4 }));
    const afterGap = await county.window1.push(skipping);
    expect(afterGap.body).toMatchObject({ decidedThrough: 8, rejections: [] });
    expect(await counts()).toMatchObject({ records: 4 });
  });

  it('starts a new epoch where its entries start, and keeps the old epoch’s progress apart', async () => {
    county = await syncCounty(db());
    const { entries } = firstCase();
    await county.window1.push(entries);
    // Restored from a backup taken after seq 1: the terminal numbers on from 2 in a new epoch.
    const restored = await county.window1.push(
      county.window1.log.tx(update('residents', entries[0]!.recordId, { phone: '13900000000' })),
      randomUUID(),
    );
    expect(restored.body).toMatchObject({ decidedThrough: 5, rejections: [] });
  });

  it('applies a transaction all or nothing: one refused entry refuses the others with it', async () => {
    county = await syncCounty(db());
    const { log } = county.window1;
    const { entries, caseId } = firstCase();
    await county.window1.push(entries);
    const before = await counts();
    const elsewhere = county.window1.log.tx(
      update('cases', caseId, { state: 'accepted' }),
      insert('case_events', randomUUID(), caseEventRow(caseId, 'accept')),
      // A material written for a case of another township: out of this terminal's scope.
      insert('case_materials', randomUUID(), {
        ...materialRow(caseId, 2),
        org_unit_id: county.north.unitId,
      }),
    );
    const refused = await county.window1.push(elsewhere);
    expect(refused.body.rejections.map((r: { code: string }) => r.code)).toEqual([
      'TRANSACTION_REFUSED',
      'TRANSACTION_REFUSED',
      'OUT_OF_SCOPE',
    ]);
    expect(refused.body.rejections[0].message).toBe(SYNC_REJECTION_MESSAGES.TRANSACTION_REFUSED);
    expect(await counts()).toEqual({ ...before, rejections: 3 });
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored!.columns.state).toBe('received');
    // Later use cases of other records keep flowing.
    const other = log.tx(insert('residents', randomUUID(), resident('李四')));
    expect((await county.window1.push(other)).body.rejections).toEqual([]);
    // A change of a material the hub never had, naming only the changed column.
    const unknown = log.tx(update('case_materials', randomUUID(), { note: '已补交' }, null));
    expect((await county.window1.push(unknown)).body.rejections[0].code).toBe('UNKNOWN_RECORD');
  });

  it('authorises by the token’s unit, never by the payload', async () => {
    county = await syncCounty(db());
    const { entries, caseId, residentId } = firstCase();
    await county.window1.push(entries);
    const codes = async (terminal: typeof county.village, pushed: typeof entries) =>
      (await terminal.push(pushed)).body.rejections.map((r: { code: string }) => r.code);

    // Another unit's terminal changes the township's case, naming the township as the unit.
    const base = county.window1.log.versions.get(caseId)!;
    expect(
      await codes(
        county.north,
        county.north.log.tx(
          update('cases', caseId, { state: 'rejected', org_unit_id: county.window1.unitId }, base),
        ),
      ),
    ).toEqual(['OUT_OF_SCOPE']);
    // A village's terminal files a case in the township's name.
    expect(
      await codes(
        county.village,
        county.village.log.tx(
          insert('cases', randomUUID(), {
            ...caseRow(residentId),
            org_unit_id: county.window1.unitId,
          }),
        ),
      ),
    ).toEqual(['OUT_OF_SCOPE']);
    // The owner hands its case to a unit that is not its parent.
    expect(
      await codes(
        county.window1,
        county.window1.log.tx(update('cases', caseId, { org_unit_id: county.north.unitId })),
      ),
    ).toEqual(['OUT_OF_SCOPE']);
    // A second window of the same township writes the township's case normally.
    county.window2.log.saw(caseId, base);
    expect(
      await codes(
        county.window2,
        county.window2.log.tx(update('cases', caseId, { state: 'accepted' })),
      ),
    ).toEqual([]);
    // Nothing of the refused ones reached the record.
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored).toMatchObject({ org_unit_id: county.window1.unitId });
    expect(stored!.columns.state).toBe('accepted');
    expect(await feedOf(db(), county.hub.countyCode, county.north.unitId)).toEqual([]);
  });

  it('blocks later entries of a refused record until the terminal says a person settled it', async () => {
    county = await syncCounty(db());
    const { log } = county.village;
    const caseId = randomUUID();
    const residentId = randomUUID();
    await county.village.push(log.tx(insert('residents', residentId, resident())));
    const wrong = log.tx(
      insert('cases', caseId, { ...caseRow(residentId), org_unit_id: county.window1.unitId }),
    );
    const later = log.tx(update('cases', caseId, { state: 'accepted' }));
    const unrelated = log.tx(update('residents', residentId, { phone: '13900000000' }));
    const answer = await county.village.push([...wrong, ...later, ...unrelated]);
    expect(
      answer.body.rejections.map((r: { seq: number; code: string }) => [r.seq, r.code]),
    ).toEqual([
      [2, 'OUT_OF_SCOPE'],
      [3, 'RECORD_BLOCKED'],
    ]);
    // Still blocked in the next push.
    const stillBlocked = await county.village.push(
      log.tx(update('cases', caseId, { state: 'completed' })),
    );
    expect(stillBlocked.body.rejections[0].code).toBe('RECORD_BLOCKED');
    // 重新提交: a person corrected it and the terminal sends the whole row again, settling the block.
    const settled = log.tx(insert('cases', caseId, caseRow(residentId)));
    const resubmitted = await county.village.push([{ ...settled[0]!, settlesRefusal: true }]);
    expect(resubmitted.body.rejections).toEqual([]);
    expect(
      (await county.village.push(log.tx(update('cases', caseId, { state: 'accepted' })))).body
        .rejections,
    ).toEqual([]);
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored).toMatchObject({ org_unit_id: county.village.unitId });
    expect(stored!.columns.state).toBe('accepted');
  });

  it('applies a version far ahead of the hub’s clock and flags it, the same on a repeat', async () => {
    county = await syncCounty(db());
    const { log } = county.window1;
    const ahead = formatHlc({
      wall: county.hub.clock.now.getTime() + 365 * 24 * 3600_000,
      counter: 0,
      node: county.window1.terminalId,
    });
    const entries = [
      ...log.tx(insert('residents', randomUUID(), resident())),
      ...log.tx({ ...insert('residents', randomUUID(), resident('李四')), version: ahead }),
    ];
    const first = await county.window1.push(entries);
    expect(first.body).toMatchObject({ decidedThrough: 2, rejections: [], clockAhead: [2] });
    expect((await county.window1.push(entries)).body).toEqual(first.body);
    const flags = await db()
      .selectFrom('sync_clock_flags')
      .select(['seq', 'record_id', 'version'])
      .where('county_code', '=', county.hub.countyCode)
      .execute();
    expect(flags).toEqual([
      { seq: expect.anything(), record_id: entries[1]!.recordId, version: ahead },
    ]);
  });

  it('merges edits of different fields and opens a conflict for the same field edited twice', async () => {
    county = await syncCounty(db());
    const { window1, window2 } = county;
    const { caseId, entries } = firstCase();
    await window1.push(entries);
    const base = window1.log.versions.get(caseId)!;
    window2.log.saw(caseId, base);
    // Both windows edit the case offline from the same version.
    const first = await window1.push(
      window1.log.tx(
        update('cases', caseId, { counter_contact: '13811112222', state: 'accepted' }),
      ),
    );
    expect(first.body.conflictsOpened).toBe(0);
    const second = await window2.push(
      window2.log.tx(update('cases', caseId, { result_note: '材料齐全', state: 'returned' })),
    );
    expect(second.body).toMatchObject({ rejections: [], conflictsOpened: 1 });
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored!.columns).toMatchObject({
      counter_contact: '13811112222',
      result_note: '材料齐全',
      state: 'accepted',
    });
    const conflicts = await db()
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('county_code', '=', county.hub.countyCode)
      .execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      record_id: caseId,
      org_unit_id: window1.unitId,
      column_name: 'state',
      kept_value: 'accepted',
      kept_terminal_id: window1.terminalId,
      other_value: 'returned',
      other_terminal_id: window2.terminalId,
      resolved_at: null,
    });
  });

  it('refuses a revoked terminal and a malformed body', async () => {
    county = await syncCounty(db());
    const bad = await county.window1.push([{ seq: 1 } as never]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_INPUT');
    await county.hub.call('POST', HUB_PATHS.adminRevokeTerminal(county.window1.terminalId), {
      token: county.centre.token,
      body: {},
    });
    const revoked = await county.window1.push(firstCase().entries);
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('TERMINAL_REVOKED');
    expect(await counts()).toMatchObject({ records: 0 });
  });
});
