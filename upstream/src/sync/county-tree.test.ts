import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterEach, expect, inject, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { openHubDatabase } from '../db/connection';
import type { HubDatabase } from '../db/schema';
import { publishOrgTree } from '../org-tree';
import { untilWaitingOnLock } from '../../test/held-push';
import { describeOnBackends, listenToQueries, useDatabase } from '../../test/hub-backends';
import { syncCounty } from '../../test/sync-county';
import { smallOrgTree } from '../../test/test-hub';
import { caseRow, insert, resident, update } from '../../test/terminal-log';

/**
 * The push keeps the county's org tree between pushes (county-tree.ts) and takes a new edition,
 * published by this hub process or by another one on the same database, at the next push.
 */
describeOnBackends('the org tree a push authorises by', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  let other: Kysely<HubDatabase> | null = null;
  afterEach(async () => {
    await other?.destroy();
    other = null;
    await county.hub.close();
  });

  /**
   * The database as a second hub process sees it: a connection of its own on PostgreSQL. PGlite
   * has one connection; the hub process keeps no in-process invalidation, so a write through the
   * same handle tests the same check.
   */
  async function anotherHubProcess(): Promise<Kysely<HubDatabase>> {
    const server = inject('postgresUrl');
    if (backend.label === 'PGlite' || !server) return db();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db());
    other = openHubDatabase({
      kind: 'postgres',
      url: server.replace(/\/[^/]*$/, `/${rows[0]!.name}`),
    });
    return other;
  }

  const unit = (code: string) => orgUnitIdFromDivisionCode(code);

  /** The township's window registers a case for `unitId` (a unit below it, in its screens). */
  async function registerCaseFor(unitId: string) {
    const residentId = randomUUID();
    const caseId = randomUUID();
    const answer = await county.window1.push([
      ...county.window1.log.tx(insert('residents', residentId, resident())),
      ...county.window1.log.tx(
        insert('cases', caseId, { ...caseRow(residentId), org_unit_id: unitId }),
      ),
    ]);
    expect(answer.status).toBe(200);
    return { caseId, codes: answer.body.rejections.map((r: { code: string }) => r.code) };
  }

  /**
   * Moves a village to the county's second township as an edition of the tree (units and edition
   * number in one transaction, as org-tree.ts publishes).
   */
  async function moveToSecondTownship(
    trx: Transaction<HubDatabase>,
    code: string,
    village: string,
  ) {
    await trx
      .updateTable('org_units')
      .set({ parent_id: unit(`${code}002`) })
      .where('county_code', '=', code)
      .where('id', '=', village)
      .execute();
    await trx
      .insertInto('org_tree_editions')
      .values({
        county_code: code,
        edition: 2,
        published_at: county.hub.clock.now,
        published_by_terminal_id: null,
        unit_count: 4,
      })
      .execute();
  }

  it('takes a unit another hub process published at the next push', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    expect((await registerCaseFor(unit(`${code}001001`))).codes).toEqual([]);
    const newVillage = `${code}001002`;
    expect((await registerCaseFor(unit(newVillage))).codes).toEqual(['OUT_OF_SCOPE']);

    await publishOrgTree(
      await anotherHubProcess(),
      code,
      {
        baseEdition: 1,
        units: [
          ...smallOrgTree(code),
          { code: newVillage, name: '望江社区', level: 'village', parentCode: `${code}001` },
        ],
      },
      null,
      county.hub.clock.now,
    );
    expect((await registerCaseFor(unit(newVillage))).codes).toEqual([]);
  });

  it('refuses, once a unit has moved, a change the tree before the move allowed', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    const village = unit(`${code}001001`);
    const { caseId } = await registerCaseFor(village);
    const step = (state: string) =>
      county.window1.push(county.window1.log.tx(update('cases', caseId, { state })));
    expect((await step('accepted')).body.rejections).toEqual([]);
    const accepted = county.window1.log.versions.get(caseId)!;

    // The village moves to the other township, written by another process.
    const other = await anotherHubProcess();
    await other.transaction().execute((trx) => moveToSecondTownship(trx, code, village));
    const refused = await step('in_progress');
    expect(refused.body.rejections.map((r: { code: string }) => r.code)).toEqual(['OUT_OF_SCOPE']);
    // The unit it moved to takes the case's steps now.
    county.north.log.saw(caseId, accepted);
    const north = await county.north.push(
      county.north.log.tx(update('cases', caseId, { state: 'in_progress' })),
    );
    expect(north.body.rejections).toEqual([]);
  });

  // PGlite has one connection: the lock held below would keep the push from starting.
  it.skipIf(backend.label === 'PGlite')(
    'checks a push that waited on a lock against the edition published meanwhile',
    async () => {
      county = await syncCounty(db());
      const code = county.hub.countyCode;
      const village = unit(`${code}001001`);
      const { caseId } = await registerCaseFor(village);
      const step = (state: string) =>
        county.window1.push(county.window1.log.tx(update('cases', caseId, { state })));
      // The window's push keeps the tree of edition 1.
      expect((await step('accepted')).body.rejections).toEqual([]);

      // Another process holds the case while the window pushes its next step, and moves the village
      // to the other township in the same transaction.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const mover = (await anotherHubProcess()).transaction().execute(async (trx) => {
        await sql`SELECT 1 FROM sync_records WHERE county_code = ${code} AND table_name = 'cases'
          AND record_id = ${caseId} FOR UPDATE`.execute(trx);
        locked();
        await released;
        await moveToSecondTownship(trx, code, village);
      });
      await isLocked;
      const pushed = step('in_progress');
      await untilWaitingOnLock(db());
      release();
      await mover;
      const refused = await pushed;
      expect(refused.body.rejections.map((r: { code: string }) => r.code)).toEqual([
        'OUT_OF_SCOPE',
      ]);
    },
  );

  it('reads the tree once per edition, not once per push', async () => {
    county = await syncCounty(db());
    const code = county.hub.countyCode;
    await registerCaseFor(unit(`${code}001001`));
    const treeReads: string[] = [];
    const stop = listenToQueries((text) => {
      if (/\borg_units\b/.test(text) && !/\bterminals\b/.test(text)) treeReads.push(text);
    });
    try {
      await registerCaseFor(unit(`${code}001001`));
      await registerCaseFor(unit(`${code}001001`));
    } finally {
      stop();
    }
    expect(treeReads).toEqual([]);
  });
});
