import { randomUUID } from 'node:crypto';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import type { PushEntry } from '@shared/sync/records-contract';
import { holdAfterNumbering, untilWaitingOnLock } from '../../test/held-push';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import {
  feedOf,
  hubRecord,
  syncCounty,
  visibilityOf,
  type SyncTerminal,
} from '../../test/sync-county';
import { caseRow, disputeRow, insert, partyRow, resident, update } from '../../test/terminal-log';
import { liveResidentsHolding, recordsNaming } from './resident-merge';
import { authenticate } from '../terminals';
import { pushChanges } from './push';

/** Ids in a known order: which of two records of one person is the older is what the rule reads. */
const olderId = () => `0${randomUUID().slice(1)}`;
const newerId = () => `f${randomUUID().slice(1)}`;

describeOnBackends('one resident, one record across the county', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  /** Rows a statement's plan read and then dropped by a filter: 0 when its index finds exactly. */
  async function rowsReadAndDropped(query: CompiledQuery): Promise<number> {
    const explained = await db().executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, [...query.parameters]),
    );
    const plan = explained.rows[0]!['QUERY PLAN'];
    const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
    const removed = [...text.matchAll(/"Rows Removed by (?:Filter|Index Recheck)":\s*(\d+)/g)];
    return removed.reduce((sum, m) => sum + Number(m[1]), 0);
  }

  it('keeps the older record of a document two terminals pushed, the other as an alias, and moves the cases naming it', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('王阿婆');
    const older = olderId();
    const newer = newerId();
    const first = await county.window1.push(
      county.window1.log.tx(insert('residents', older, person)),
    );
    expect(first.body).toMatchObject({ rejections: [] });

    const handOff = randomUUID();
    const village = county.village;
    const pushed = await village.push([
      ...village.log.tx(insert('residents', newer, { ...person, address: '城东社区 8 号' })),
      ...village.log.tx(insert('cases', handOff, caseRow(newer))),
    ]);
    expect(pushed.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await hubRecord(db(), code, 'residents', older)).toMatchObject({ deleted: false });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect((await hubRecord(db(), code, 'cases', handOff))!.columns.resident_id).toBe(older);
    const aliases = await db()
      .selectFrom('sync_resident_aliases')
      .select(['alias_id', 'resident_id'])
      .where('county_code', '=', code)
      .execute();
    expect(aliases).toEqual([{ alias_id: newer, resident_id: older }]);

    // A case the village took in under its record before it learnt of the merge, pushed later.
    const later = randomUUID();
    expect(
      (await village.push(village.log.tx(insert('cases', later, caseRow(newer))))).body,
    ).toMatchObject({ rejections: [] });
    expect((await hubRecord(db(), code, 'cases', later))!.columns.resident_id).toBe(older);
  });

  it("fills the empty fields of the county's record from a duplicate pushed later, never a field it holds", async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('周奶奶');
    const [older, newer] = [olderId(), newerId()];
    const window = county.window1;
    await window.push(window.log.tx(insert('residents', older, { ...person, phone: null })));
    const before = (await hubRecord(db(), code, 'residents', older))!;

    const village = county.village;
    const pushed = await village.push(
      village.log.tx(
        insert('residents', newer, {
          ...person,
          name: '周阿娘',
          phone: '13700000002',
          address: '城东社区 9 号',
          ethnicity: '畲族',
        }),
      ),
    );
    expect(pushed.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    const survivor = (await hubRecord(db(), code, 'residents', older))!;
    expect(survivor.columns).toMatchObject({
      name: '周奶奶',
      phone: '13700000002',
      address: person.address,
      ethnicity: '畲族',
    });
    // A change of the hub's own past what the window holds, so that the window takes it.
    expect(survivor.version > before.version).toBe(true);
    expect(survivor.columns.version).toBe(survivor.version);

    // The window's edit of a field the fill left alone, made before it pulled the fill: no conflict.
    const edited = await window.push(
      window.log.tx(update('residents', older, { address: '城东社区 2 号' })),
    );
    expect(edited.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect((await hubRecord(db(), code, 'residents', older))!.columns).toMatchObject({
      phone: '13700000002',
      address: '城东社区 2 号',
    });
  });

  it('carries an edit of a merged record, made before the merge reached its terminal, to the survivor instead of offering to bring it back', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('吴老汉');
    const [older, newer] = [olderId(), newerId()];
    const window = county.window1;
    await window.push(window.log.tx(insert('residents', older, person)));
    const village = county.village;
    // The village registered him a little later than the window did.
    for (let i = 0; i < 3; i += 1) village.log.nextVersion();
    await village.push(
      village.log.tx(insert('residents', newer, { ...person, address: '城东社区 7 号' })),
    );
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    // The window then changes his phone; the village, not knowing of the merge, edits its record.
    for (let i = 0; i < 10; i += 1) window.log.nextVersion();
    await window.push(window.log.tx(update('residents', older, { phone: '13600000003' })));
    const before = (await hubRecord(db(), code, 'residents', older))!;

    const edited = await village.push(
      village.log.tx(
        update('residents', newer, {
          name: '吴老汉',
          address: '城东社区 15 号',
          phone: '13500000004',
          ethnicity: '汉族',
          birth_date: '1980-01-02',
        }),
      ),
    );
    expect(edited.body).toMatchObject({ rejections: [], conflictsOpened: 2 });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    // Taken where the survivor holds what the village's record held (birth date) or nothing
    // (ethnicity); the window's phone and its own address the village never saw: for a person.
    const survivor = (await hubRecord(db(), code, 'residents', older))!;
    expect(survivor.columns).toMatchObject({
      address: person.address,
      phone: '13600000003',
      ethnicity: '汉族',
      birth_date: '1980-01-02',
    });
    expect(survivor.version > before.version).toBe(true);
    const conflicts = () =>
      db()
        .selectFrom('sync_conflicts')
        .select(['record_id', 'column_name', 'org_unit_id', 'other_value'])
        .where('county_code', '=', code)
        .orderBy('column_name')
        .execute();
    const expected = [
      { column_name: 'address', other_value: '城东社区 15 号' },
      { column_name: 'phone', other_value: '13500000004' },
    ].map((c) => ({ ...c, record_id: older, org_unit_id: window.unitId }));
    expect(await conflicts()).toEqual(expected);

    // Nor does a terminal that asks to bring the merged record back get it.
    const revived = await village.push(
      village.log.tx(update('residents', newer, { deleted_at: null, name: '吴老汉' })),
    );
    expect(revived.body).toMatchObject({ rejections: [] });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect(await conflicts()).toEqual(expected);
  });

  it('opens no conflict on the survivor when an edit the merged record took before its merge comes again after a restore', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('钱阿婆');
    const [older, newer] = [olderId(), newerId()];
    const village = county.village;
    await village.push(village.log.tx(insert('residents', newer, person)));
    const edit = village.log.tx(update('residents', newer, { phone: '13500000009' }));
    expect((await village.push(edit)).body).toMatchObject({ rejections: [] });
    const window = county.window1;
    const pushed = await window.push(
      window.log.tx(insert('residents', older, { ...person, phone: '13900000001' })),
    );
    expect(pushed.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    const survivor = (await hubRecord(db(), code, 'residents', older))!;

    // Restored from a backup taken before that push, the village sends its edit again.
    const again = await village.push(edit, randomUUID());
    expect(again.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(
      await db().selectFrom('sync_conflicts').selectAll().where('county_code', '=', code).execute(),
    ).toEqual([]);
    expect(await hubRecord(db(), code, 'residents', older)).toMatchObject({
      version: survivor.version,
      columns: { phone: '13900000001' },
    });
  });

  it("puts a document number changed on a merged record to a person, never onto the survivor's record", async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('孙大姐');
    const [older, newer] = [olderId(), newerId()];
    const window = county.window1;
    await window.push(window.log.tx(insert('residents', older, person)));
    const village = county.village;
    for (let i = 0; i < 3; i += 1) village.log.nextVersion();
    await village.push(village.log.tx(insert('residents', newer, person)));
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });

    // The village, not knowing of the merge, corrects the number it typed.
    const corrected = `${person.doc_number.slice(0, -4)}9999`;
    const edited = await village.push(
      village.log.tx(update('residents', newer, { doc_number: corrected })),
    );
    expect(edited.body).toMatchObject({ rejections: [], conflictsOpened: 1 });
    expect((await hubRecord(db(), code, 'residents', older))!.columns.doc_number).toBe(
      person.doc_number,
    );
    expect(
      await db()
        .selectFrom('sync_conflicts')
        .select(['record_id', 'column_name', 'org_unit_id', 'kept_value', 'other_value'])
        .where('county_code', '=', code)
        .execute(),
    ).toEqual([
      {
        record_id: older,
        column_name: 'doc_number',
        org_unit_id: window.unitId,
        kept_value: person.doc_number,
        other_value: corrected,
      },
    ]);
  });

  it("changes nothing of another township's record through a duplicate of its person, and tells the pusher nothing of it", async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('郑阿公');
    const [older, newer] = [olderId(), newerId()];
    const window = county.window1;
    await window.push(window.log.tx(insert('residents', older, { ...person, ethnicity: null })));
    const before = (await hubRecord(db(), code, 'residents', older))!;

    // Another township that knows his document number registers him with values of its own.
    const north = county.north;
    const pushed = await north.push(
      north.log.tx(insert('residents', newer, { ...person, ethnicity: '畲族' })),
    );
    expect(pushed.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect((await hubRecord(db(), code, 'residents', older))!.columns).toEqual(before.columns);

    // Its edits, of a field the window's record holds as its own did and of an empty one, and a
    // guess that matches: none is written, the owner is asked, the pusher learns nothing.
    for (let i = 0; i < 5; i += 1) north.log.nextVersion();
    const edited = await north.push(
      north.log.tx(
        update('residents', newer, {
          address: '北城社区 3 号',
          ethnicity: '回族',
          phone: person.phone,
        }),
      ),
    );
    expect(edited.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    const survivor = (await hubRecord(db(), code, 'residents', older))!;
    expect(survivor.columns).toMatchObject({
      address: person.address,
      ethnicity: null,
      phone: person.phone,
    });
    expect(
      await db()
        .selectFrom('sync_conflicts')
        .select(['record_id', 'column_name', 'org_unit_id', 'other_value'])
        .where('county_code', '=', code)
        .orderBy('column_name')
        .execute(),
    ).toEqual(
      [
        { column_name: 'address', other_value: '北城社区 3 号' },
        { column_name: 'ethnicity', other_value: '回族' },
      ].map((c) => ({ ...c, record_id: older, org_unit_id: window.unitId })),
    );
  });

  it('keeps a duplicate tombstoned that the same push inserts and then edits with deleted_at', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('冯大妈');
    const [older, newer] = [olderId(), newerId()];
    const window = county.window1;
    await window.push(window.log.tx(insert('residents', older, person)));
    const village = county.village;
    const pushed = await village.push([
      ...village.log.tx(insert('residents', newer, person)),
      ...village.log.tx(update('residents', newer, { deleted_at: null, phone: '13900000005' })),
    ]);
    expect(pushed.body).toMatchObject({ rejections: [] });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect(await hubRecord(db(), code, 'residents', older)).toMatchObject({ deleted: false });
  });

  it('leaves records of different documents and a lone record of a document as they are', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const [a, b] = [olderId(), newerId()];
    await county.window1.push(county.window1.log.tx(insert('residents', a, resident('甲'))));
    await county.village.push(county.village.log.tx(insert('residents', b, resident('乙'))));
    expect(await hubRecord(db(), code, 'residents', a)).toMatchObject({ deleted: false });
    expect(await hubRecord(db(), code, 'residents', b)).toMatchObject({ deleted: false });
    expect(
      await db()
        .selectFrom('sync_resident_aliases')
        .selectAll()
        .where('county_code', '=', code)
        .execute(),
    ).toEqual([]);
  });

  it('stores no alias for an insert of a record the hub already holds, so nobody is re-pointed by it', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const [known, other] = [olderId(), newerId()];
    const jia = resident('甲');
    await county.window1.push(county.window1.log.tx(insert('residents', known, jia)));
    await county.village.push(county.village.log.tx(insert('residents', other, resident('乙'))));
    // The village's record sent again as an insert, with 甲's document: the hub holds it already.
    const forged = await county.window1.push(
      county.window1.log.tx(insert('residents', other, jia)),
    );
    expect(forged.status).toBe(200);
    const aliases = () =>
      db()
        .selectFrom('sync_resident_aliases')
        .selectAll()
        .where('county_code', '=', code)
        .execute();
    expect(await aliases()).toEqual([]);
    const filed = randomUUID();
    await county.village.push(county.village.log.tx(insert('cases', filed, caseRow(other))));
    expect((await hubRecord(db(), code, 'cases', filed))!.columns.resident_id).toBe(other);
    expect(await hubRecord(db(), code, 'residents', other)).toMatchObject({ deleted: false });
  });

  it('tombstones its own newer record when the older one of the document is pushed second, re-points its cases and shows the survivor to the units that saw it', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('李大伯');
    const [older, newer] = [olderId(), newerId()];
    const [filed, dispute, party] = [randomUUID(), randomUUID(), randomUUID()];
    const village = county.village;
    expect(
      (
        await village.push([
          ...village.log.tx(insert('residents', newer, person)),
          ...village.log.tx(insert('cases', filed, caseRow(newer))),
          ...village.log.tx(
            insert('disputes', dispute, disputeRow(village.unitId)),
            insert('dispute_parties', party, partyRow(dispute, newer)),
          ),
        ])
      ).body,
    ).toMatchObject({ rejections: [] });
    const before = await hubRecord(db(), code, 'residents', newer);
    const caseBefore = await hubRecord(db(), code, 'cases', filed);

    const pushed = await county.window1.push(
      county.window1.log.tx(
        insert('residents', older, { ...person, phone: '13900000001', address: null }),
      ),
    );
    expect(pushed.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    // The survivor keeps its own phone and takes the address only the village's record had.
    const survivor = (await hubRecord(db(), code, 'residents', older))!;
    expect(survivor).toMatchObject({ deleted: false });
    expect(survivor.columns).toMatchObject({ phone: '13900000001', address: person.address });
    expect(survivor.version > (await county.window1.log.versions.get(older))!).toBe(true);
    const loser = (await hubRecord(db(), code, 'residents', newer))!;
    expect(loser.deleted).toBe(true);
    expect(loser.columns.deleted_at).toEqual(expect.any(String));
    // One step past what the terminals hold, so every terminal holding it takes the tombstone.
    expect(loser.version > before!.version).toBe(true);
    const repointed = (await hubRecord(db(), code, 'cases', filed))!;
    expect(repointed.columns.resident_id).toBe(older);
    expect(repointed.version > caseBefore!.version).toBe(true);
    expect((await hubRecord(db(), code, 'dispute_parties', party))!.columns.resident_id).toBe(
      older,
    );
    expect(
      await db()
        .selectFrom('sync_resident_aliases')
        .select(['alias_id', 'resident_id'])
        .where('county_code', '=', code)
        .execute(),
    ).toEqual([{ alias_id: newer, resident_id: older }]);

    // The village, which held only its own record, now sees the survivor, ahead of the tombstone.
    expect(await visibilityOf(db(), code, older)).toHaveProperty(village.unitId);
    const feed = await feedOf(db(), code, village.unitId);
    expect(feed.indexOf(`residents/${older}`)).toBeGreaterThanOrEqual(0);
    expect(feed.indexOf(`residents/${older}`)).toBeLessThan(feed.indexOf(`residents/${newer}`));
    expect(feed.indexOf(`residents/${newer}`)).toBeLessThan(feed.indexOf(`cases/${filed}`));

    // The village's terminal then merges the same way and pushes it: nothing to refuse, no conflict.
    const merged = await village.push(
      village.log.tx(
        { table: 'residents', recordId: newer, op: 'delete', columns: {} },
        update('cases', filed, { resident_id: older }),
      ),
    );
    expect(merged.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect((await hubRecord(db(), code, 'cases', filed))!.columns.resident_id).toBe(older);
    expect(
      await db().selectFrom('sync_conflicts').selectAll().where('county_code', '=', code).execute(),
    ).toEqual([]);
  });

  it('points the aliases of a record that loses a later merge at the new survivor', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('孙奶奶');
    const [oldest, middle, newest] = [olderId(), `8${randomUUID().slice(1)}`, newerId()];
    await county.village.push(county.village.log.tx(insert('residents', middle, person)));
    await county.window1.push(county.window1.log.tx(insert('residents', newest, person)));
    await county.north.push(county.north.log.tx(insert('residents', oldest, person)));
    const aliases = await db()
      .selectFrom('sync_resident_aliases')
      .select(['alias_id', 'resident_id'])
      .where('county_code', '=', code)
      .orderBy('alias_id')
      .execute();
    expect(aliases).toEqual([
      { alias_id: middle, resident_id: oldest },
      { alias_id: newest, resident_id: oldest },
    ]);
  });

  it('shows the survivor to a unit whose record of the person has no case', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('赵阿姨');
    const [older, newer] = [olderId(), newerId()];
    await county.village.push(county.village.log.tx(insert('residents', newer, person)));
    expect(await visibilityOf(db(), code, older)).toEqual({});
    await county.north.push(county.north.log.tx(insert('residents', older, person)));
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
    expect(await visibilityOf(db(), code, older)).toMatchObject({
      [county.north.unitId]: 'owner',
      [county.village.unitId]: 'reader',
    });
    expect(await feedOf(db(), code, county.village.unitId)).toEqual([
      `residents/${older}`,
      `residents/${newer}`,
    ]);
  });

  it("leaves the county's record live when the pushed older record is refused", async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const person = resident('钱师傅');
    const [older, newer] = [olderId(), newerId()];
    await county.village.push(county.village.log.tx(insert('residents', newer, person)));
    // A resident of another unit than the terminal's own is out of its scope.
    const refused = await county.north.push(
      county.north.log.tx(
        insert('residents', older, { ...person, org_unit_id: county.village.unitId }),
      ),
    );
    expect(refused.body.rejections).toHaveLength(1);
    expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: false });
    expect(await hubRecord(db(), code, 'residents', older)).toBeUndefined();
  });

  it('finds the holders of a document by its type and number in the index, before the table is analysed', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const window1 = county.window1;
    const people = Array.from({ length: 60 }, (_, i) => ({
      ...resident(`居民${i}`),
      doc_number: `3303021980010${String(10000 + i)}`,
    }));
    await window1.push(
      people.flatMap((person) => window1.log.tx(insert('residents', randomUUID(), person))),
    );
    const wanted = [people[7]!, people[42]!].map((p) => ({
      docType: p.doc_type,
      docNumber: p.doc_number,
    }));
    const query = liveResidentsHolding(code, wanted).compile(db());
    expect((await db().executeQuery(query)).rows).toHaveLength(2);
    // Every resident here has the same type: read by type alone, the lookup reads all 60.
    expect(await rowsReadAndDropped(query)).toBe(0);
  });

  it('finds the cases and parties naming a merged resident by the resident, not by reading every case', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const window1 = county.window1;
    const people = Array.from({ length: 30 }, () => randomUUID());
    const cases = people.map(() => randomUUID());
    await window1.push([
      ...people.flatMap((id, i) =>
        window1.log.tx(
          insert('residents', id, { ...resident(), doc_number: `3303021980020${10000 + i}` }),
        ),
      ),
      ...people.flatMap((id, i) => window1.log.tx(insert('cases', cases[i]!, caseRow(id)))),
    ]);
    const query = recordsNaming(code, [people[3]!, people[20]!]).compile(db());
    expect((await db().executeQuery(query)).rows).toEqual(
      expect.arrayContaining([
        { table_name: 'cases', record_id: cases[3] },
        { table_name: 'cases', record_id: cases[20] },
      ]),
    );
    expect(await rowsReadAndDropped(query)).toBe(0);
  });
  // PGlite has one connection: a push held open would keep the other from starting at all.
  it.skipIf(backend.label === 'PGlite').each(['older', 'newer'] as const)(
    'merges two records of one document pushed at the same moment (the %s one first)',
    async (firstAge) => {
      county = await syncCounty(db());
      const code = county.hub.countyCode;
      const person = resident('孙大姐');
      const [older, newer] = [olderId(), newerId()];
      const idOf = (age: 'older' | 'newer') => (age === 'older' ? older : newer);
      const secondId = idOf(firstAge === 'older' ? 'newer' : 'older');

      // The window's push stops after it has taken its change numbers, all its look-ups done.
      const held = holdAfterNumbering();
      const window = county.window1;
      const firstPush = pushDirect(
        window,
        window.log.tx(insert('residents', idOf(firstAge), person)),
        held.plugin,
      );
      await held.numbered;
      const village = county.village;
      const secondPush = pushDirect(village, village.log.tx(insert('residents', secondId, person)));
      // The village's push waits for the window's, or has gone as far as it can without it.
      await Promise.race([secondPush, untilWaitingOnLock(db())]);
      held.release();
      const answers = await Promise.all([firstPush, secondPush]);
      expect(answers.map((answer) => answer.rejections)).toEqual([[], []]);

      expect(await hubRecord(db(), code, 'residents', older)).toMatchObject({ deleted: false });
      expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
      expect(
        await db()
          .selectFrom('sync_resident_aliases')
          .select(['alias_id', 'resident_id'])
          .where('county_code', '=', code)
          .execute(),
      ).toEqual([{ alias_id: newer, resident_id: older }]);
    },
  );

  // PGlite has one connection: a push held open would keep the other from starting at all.
  it.skipIf(backend.label === 'PGlite')(
    'carries an edit of a record that a push merges away at the same moment to the survivor',
    async () => {
      county = await syncCounty(db());
      const code = county.hub.countyCode;
      const person = resident('钱大伯');
      const [older, newer] = [olderId(), newerId()];
      const village = county.village;
      await village.push(village.log.tx(insert('residents', newer, person)));

      // The window pushes the older record of him, which merges the village's away; its push
      // stops after it has taken its change numbers, the village's record tombstoned and locked.
      const held = holdAfterNumbering();
      const window = county.window1;
      const merging = pushDirect(
        window,
        window.log.tx(insert('residents', older, person)),
        held.plugin,
      );
      await held.numbered;
      // Meanwhile the village, not knowing of the merge, corrects his phone on its record.
      for (let i = 0; i < 5; i += 1) village.log.nextVersion();
      const editing = pushDirect(
        village,
        village.log.tx(update('residents', newer, { phone: '13500009999' })),
      );
      await Promise.race([editing, untilWaitingOnLock(db())]);
      held.release();
      const answers = await Promise.all([merging, editing]);
      expect(answers.map((answer) => answer.rejections)).toEqual([[], []]);
      expect(answers[1]!.conflictsOpened).toBe(0);

      expect(await hubRecord(db(), code, 'residents', newer)).toMatchObject({ deleted: true });
      expect((await hubRecord(db(), code, 'residents', older))!.columns.phone).toBe('13500009999');
      // No conflict offers to bring the merged record back.
      expect(
        await db()
          .selectFrom('sync_conflicts')
          .select('id')
          .where('county_code', '=', code)
          .execute(),
      ).toEqual([]);
    },
  );

  // PGlite has one connection: a push held open would keep the other from starting at all.
  it.skipIf(backend.label === 'PGlite')(
    'carries an edit of a merged record to the survivor of its survivor, merged away at the same moment',
    async () => {
      county = await syncCounty(db());
      const code = county.hub.countyCode;
      const person = resident('褚大叔');
      const [oldest, middle, newest] = [olderId(), `8${randomUUID().slice(1)}`, newerId()];
      const village = county.village;
      await village.push(village.log.tx(insert('residents', middle, person)));
      await village.push(village.log.tx(insert('residents', newest, person)));
      expect(await hubRecord(db(), code, 'residents', newest)).toMatchObject({ deleted: true });

      // The window pushes the oldest record of him, which merges the middle one away; its push
      // stops after it has taken its change numbers, the middle record tombstoned and locked.
      const held = holdAfterNumbering();
      const window = county.window1;
      const merging = pushDirect(
        window,
        window.log.tx(insert('residents', oldest, person)),
        held.plugin,
      );
      await held.numbered;
      // Meanwhile the village corrects his phone on its newest record, merged into the middle one.
      for (let i = 0; i < 5; i += 1) village.log.nextVersion();
      const editing = pushDirect(
        village,
        village.log.tx(update('residents', newest, { phone: '13500008888' })),
      );
      await Promise.race([editing, untilWaitingOnLock(db())]);
      held.release();
      const answers = await Promise.all([merging, editing]);
      expect(answers.map((answer) => answer.rejections)).toEqual([[], []]);

      expect(await hubRecord(db(), code, 'residents', middle)).toMatchObject({ deleted: true });
      expect((await hubRecord(db(), code, 'residents', oldest))!.columns.phone).toBe('13500008888');
    },
  );

  /** A push straight into the hub's service, past HTTP, through `plugin` when one is given. */
  async function pushDirect(terminal: SyncTerminal, entries: PushEntry[], plugin?: KyselyPlugin) {
    const code = county.hub.countyCode;
    const caller = await authenticate(db(), code, terminal.token, '0.1.0', county.hub.clock.now);
    return pushChanges(
      plugin ? db().withPlugin(plugin) : db(),
      code,
      caller,
      { epoch: terminal.log.epoch, entries },
      county.hub.clock.now,
    );
  }

  /** Until a session of this database waits for a lock (the village's push, on the window's). */
});
