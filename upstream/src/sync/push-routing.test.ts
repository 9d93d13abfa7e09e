import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { pullPath } from '@shared/sync/records-contract';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { up as unitsAboveRead } from '../db/migrations/2026_12_08_0040_units_above_read';
import { feedOf, hubRecord, syncCounty, visibilityOf } from '../../test/sync-county';
import {
  caseEventRow,
  caseRow,
  disputeEventRow,
  disputeRow,
  eventReportRow,
  insert,
  materialRow,
  partyRow,
  resident,
  update,
} from '../../test/terminal-log';

describeOnBackends('routing pushed records to the units that should see them', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());
  const feed = (unitId: string) => feedOf(db(), county.hub.countyCode, unitId);
  const visibility = (rootId: string) => visibilityOf(db(), county.hub.countyCode, rootId);

  it('moves a village’s agency case to the township whole: materials, timeline and resident', async () => {
    county = await syncCounty(db());
    const { village, window1 } = county;
    const { log } = village;
    const residentId = randomUUID();
    const caseId = randomUUID();
    const materialId = randomUUID();
    const filedEventId = randomUUID();
    const filed = [
      ...log.tx(insert('residents', residentId, resident())),
      ...log.tx(
        insert(
          'cases',
          caseId,
          caseRow(residentId, { channel: 'agency', agency_org_id: village.unitId }),
        ),
        insert('case_materials', materialId, materialRow(caseId)),
        insert('case_events', filedEventId, caseEventRow(caseId)),
      ),
    ];
    expect((await village.push(filed)).body.rejections).toEqual([]);
    expect(await feed(village.unitId)).toHaveLength(4);
    // The township oversees its village's filings before they reach it (its 案件 list covers the
    // units below it); the township beside it sees nothing.
    expect(new Set(await feed(window1.unitId))).toEqual(new Set(await feed(village.unitId)));
    expect(await visibility(caseId)).toEqual({
      [village.unitId]: 'owner',
      [window1.unitId]: 'reader',
      [county.centre.unitId]: 'reader',
    });
    expect(await feed(county.north.unitId)).toEqual([]);

    // 移交: the case moves to the village's parent and its timeline says so, in one use case.
    const handOverEventId = randomUUID();
    const handOver = log.tx(
      update('cases', caseId, {
        org_unit_id: window1.unitId,
        handed_over_at: '2026-12-07T01:00:00Z',
      }),
      insert('case_events', handOverEventId, {
        ...caseEventRow(caseId, 'hand_over'),
        org_unit_id: window1.unitId,
      }),
    );
    expect((await village.push(handOver)).body.rejections).toEqual([]);

    expect(new Set(await feed(window1.unitId))).toEqual(
      new Set([
        `cases/${caseId}`,
        `case_materials/${materialId}`,
        `case_events/${filedEventId}`,
        `case_events/${handOverEventId}`,
        `residents/${residentId}`,
      ]),
    );
    expect(await visibility(caseId)).toEqual({
      [window1.unitId]: 'owner',
      [village.unitId]: 'reader',
      [county.centre.unitId]: 'reader',
    });
    expect(await visibility(residentId)).toEqual({
      [village.unitId]: 'owner',
      [window1.unitId]: 'reader',
      [county.centre.unitId]: 'reader',
    });
    expect(await feed(county.north.unitId)).toEqual([]);
    // The county centre holds the case for its statistics (统计 counts the units below it).
    expect(await feed(county.centre.unitId)).toEqual(
      expect.arrayContaining([`cases/${caseId}`, `case_materials/${materialId}`]),
    );

    // The township, now the owner, completes it; the result flows back to the village's feed.
    window1.log.saw(caseId, log.versions.get(caseId)!);
    const completed = window1.log.tx(
      update('cases', caseId, { state: 'completed', result_note: '已办结' }),
    );
    expect((await window1.push(completed)).body.rejections).toEqual([]);
    expect((await feed(village.unitId)).at(-1)).toBe(`cases/${caseId}`);
    // The village, now only a reader, can no longer change it.
    const late = await village.push(log.tx(update('cases', caseId, { state: 'withdrawn' })));
    expect(late.body.rejections[0].code).toBe('OUT_OF_SCOPE');
    const stored = await hubRecord(db(), county.hub.countyCode, 'cases', caseId);
    expect(stored).toMatchObject({ org_unit_id: window1.unitId });
    expect(stored!.columns.state).toBe('completed');
  });

  it('escalates a dispute with its history; the lower unit keeps reading it and sees the outcome', async () => {
    county = await syncCounty(db());
    const { village, window1 } = county;
    const { log } = village;
    const residentId = randomUUID();
    const disputeId = randomUUID();
    const partyId = randomUUID();
    const registered = [
      ...log.tx(insert('residents', residentId, resident())),
      ...log.tx(
        insert('disputes', disputeId, disputeRow(village.unitId)),
        insert('dispute_parties', partyId, partyRow(disputeId, residentId)),
        insert('dispute_events', randomUUID(), disputeEventRow(disputeId, 'register')),
      ),
    ];
    expect((await village.push(registered)).body.rejections).toEqual([]);

    // 上交: the dispute's owner becomes the township, the village a reader, and the timeline says so
    // in the township's name.
    const readerId = randomUUID();
    const escalation = log.tx(
      update('disputes', disputeId, { org_unit_id: window1.unitId, state: 'escalated' }),
      insert('dispute_readers', readerId, {
        dispute_id: disputeId,
        reader_org_id: village.unitId,
      }),
      insert('dispute_events', randomUUID(), {
        ...disputeEventRow(disputeId, 'escalate'),
        org_unit_id: window1.unitId,
        from_org_id: village.unitId,
        to_org_id: window1.unitId,
      }),
    );
    expect((await village.push(escalation)).body.rejections).toEqual([]);
    expect(await visibility(disputeId)).toEqual({
      [window1.unitId]: 'owner',
      [village.unitId]: 'reader',
      [county.centre.unitId]: 'reader',
    });
    const townshipFeed = await feed(window1.unitId);
    expect(townshipFeed).toHaveLength(6);
    expect(townshipFeed).toEqual(
      expect.arrayContaining([
        `disputes/${disputeId}`,
        `dispute_parties/${partyId}`,
        `dispute_readers/${readerId}`,
        `residents/${residentId}`,
      ]),
    );

    // The township concludes it: the village sees the outcome.
    window1.log.saw(disputeId, log.versions.get(disputeId)!);
    const concluded = window1.log.tx(
      update('disputes', disputeId, { state: 'concluded', outcome: 'succeeded' }),
    );
    expect((await window1.push(concluded)).body.rejections).toEqual([]);
    expect((await feed(village.unitId)).at(-1)).toBe(`disputes/${disputeId}`);
    const stored = await hubRecord(db(), county.hub.countyCode, 'disputes', disputeId);
    expect(stored!.columns).toMatchObject({ outcome: 'succeeded', org_unit_id: window1.unitId });

    // And on to the county: the township becomes a reader too, the village still reads it.
    const up = window1.log.tx(
      update('disputes', disputeId, { org_unit_id: county.centre.unitId, state: 'escalated' }),
      insert('dispute_readers', randomUUID(), {
        dispute_id: disputeId,
        reader_org_id: window1.unitId,
      }),
    );
    expect((await window1.push(up)).body.rejections).toEqual([]);
    expect(await visibility(disputeId)).toEqual({
      [county.centre.unitId]: 'owner',
      [window1.unitId]: 'reader',
      [village.unitId]: 'reader',
    });
    expect(await feed(county.centre.unitId)).toEqual(
      expect.arrayContaining([`disputes/${disputeId}`, `residents/${residentId}`]),
    );
  });

  it('sends an event report to its addressee, who may acknowledge it and change nothing else', async () => {
    county = await syncCounty(db());
    const { village, window1 } = county;
    const reportId = randomUUID();
    const reported = village.log.tx(
      insert('event_reports', reportId, eventReportRow(window1.unitId)),
    );
    expect((await village.push(reported)).body.rejections).toEqual([]);
    expect(await feed(window1.unitId)).toEqual([`event_reports/${reportId}`]);
    expect(await visibility(reportId)).toEqual({
      [village.unitId]: 'owner',
      [window1.unitId]: 'addressee',
      [county.centre.unitId]: 'reader',
    });

    window1.log.saw(reportId, village.log.versions.get(reportId)!);
    const acknowledged = await window1.push(
      window1.log.tx(
        update('event_reports', reportId, {
          acknowledged_at: '2026-12-07T01:00:00.000Z',
          acknowledged_by: 'user-9',
          acknowledged_by_name: '李主任',
          acknowledgement_note: '已派人处置',
        }),
      ),
    );
    expect(acknowledged.body.rejections).toEqual([]);
    const rewrite = await window1.push(
      window1.log.tx(update('event_reports', reportId, { title: '已处理完毕' })),
    );
    expect(rewrite.body.rejections[0].code).toBe('OUT_OF_SCOPE');
    expect((await feed(village.unitId)).at(-1)).toBe(`event_reports/${reportId}`);
    const stored = await hubRecord(db(), county.hub.countyCode, 'event_reports', reportId);
    expect(stored!.columns).toMatchObject({
      title: '村道塌方',
      acknowledged_by_name: '李主任',
      org_unit_id: village.unitId,
    });
  });

  it('brings what a village pushed before the township read its villages’ to the township, once', async () => {
    county = await syncCounty(db());
    const { village, window1 } = county;
    const { log } = village;
    const residentId = randomUUID();
    const partyResidentId = randomUUID();
    const caseId = randomUUID();
    const materialId = randomUUID();
    const disputeId = randomUUID();
    const partyId = randomUUID();
    const pushed = [
      ...log.tx(insert('residents', residentId, resident())),
      ...log.tx(insert('residents', partyResidentId, resident('李四'))),
      ...log.tx(
        insert('cases', caseId, caseRow(residentId, { agency_org_id: village.unitId })),
        insert('case_materials', materialId, materialRow(caseId)),
      ),
      ...log.tx(
        insert('disputes', disputeId, disputeRow(village.unitId)),
        insert('dispute_parties', partyId, partyRow(disputeId, partyResidentId)),
      ),
    ];
    expect((await village.push(pushed)).body.rejections).toEqual([]);
    // As the hub held them before the rule: the township had nothing of its village's.
    const { countyCode } = county.hub;
    await db()
      .deleteFrom('sync_visibility')
      .where('county_code', '=', countyCode)
      .where('unit_id', '=', window1.unitId)
      .execute();
    await db()
      .deleteFrom('sync_feed')
      .where('county_code', '=', countyCode)
      .where('unit_id', '=', window1.unitId)
      .execute();
    const pull = (after?: string) =>
      county.hub.call('GET', pullPath({ after }), { token: window1.token });
    const before = (await pull()).body;
    expect(before.records).toEqual([]);

    await db()
      .transaction()
      .execute((trx) => unitsAboveRead(trx as never));

    const expected = [
      `residents/${residentId}`,
      `residents/${partyResidentId}`,
      `cases/${caseId}`,
      `case_materials/${materialId}`,
      `disputes/${disputeId}`,
      `dispute_parties/${partyId}`,
    ];
    const after = (await pull(before.cursor)).body;
    expect(
      new Set(
        after.records.map((r: { table: string; recordId: string }) => `${r.table}/${r.recordId}`),
      ),
    ).toEqual(new Set(expected));
    expect(new Set(after.records.map((r: { access: string }) => r.access))).toEqual(
      new Set(['reader']),
    );
    expect(await visibility(caseId)).toMatchObject({
      [village.unitId]: 'owner',
      [window1.unitId]: 'reader',
    });
    expect(await feed(county.north.unitId)).toEqual([]);
    // Run again (another county's hub on the same server), it finds nothing more to add.
    await db()
      .transaction()
      .execute((trx) => unitsAboveRead(trx as never));
    expect((await pull(after.cursor)).body.records).toEqual([]);
  });

  it('keeps a unit’s records in the feed of its other terminals, and nobody else’s', async () => {
    county = await syncCounty(db());
    const residentId = randomUUID();
    await county.window1.push(county.window1.log.tx(insert('residents', residentId, resident())));
    expect(await feed(county.window2.unitId)).toEqual([`residents/${residentId}`]);
    expect(await feed(county.village.unitId)).toEqual([]);
    expect(await feed(county.centre.unitId)).toEqual([]);
  });
});
