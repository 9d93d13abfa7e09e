import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { HUB_PROTOCOL_VERSION } from '@shared/sync/hub-contract';
import {
  SYNC_RECORD_ROOTS,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import { DEFAULT_RELEASE_SIZE_LIMIT } from '@shared/sync/updates-contract';
import { buildHub } from '../../../upstream/src/app';
import { DEFAULT_LIMITS } from '../../../upstream/src/config';
import { prepareCounty } from '../../../upstream/src/county';
import { openHubDatabase } from '../../../upstream/src/db/connection';
import { migrate } from '../../../upstream/src/db/migrate';
import { migrations } from '../../../upstream/src/db/migrations';
import type { HubDatabase } from '../../../upstream/src/db/schema';

const DEMO_ORG_TREE = resolve(__dirname, '../../../resources/demo-org-tree.json');

/**
 * The county hub as `npm run hub` builds it (the demo county 永嘉县 on PGlite in `dataDir`), but in
 * this process, so that a test can also read and write the hub's tables: rows the sync writes
 * before the part that writes them exists, and what a test checks the hub holds.
 */
export interface InProcessHub {
  url: string;
  firstCode: string;
  countyCode: string;
  db: Kysely<HubDatabase>;
  stop(): Promise<void>;
}

/** `dataDir` undefined: PGlite in memory. */
export async function startInProcessHub(dataDir?: string): Promise<InProcessHub> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = openHubDatabase({ kind: 'pglite', dataDir });
  await migrate(db, migrations);
  const countyCode = '330324';
  const tree = JSON.parse(readFileSync(DEMO_ORG_TREE, 'utf8')) as {
    nodes: Parameters<typeof prepareCounty>[1]['initialOrgTree'];
  };
  const { firstCode } = await prepareCounty(
    db,
    { countyCode, countyName: '永嘉县', initialOrgTree: tree.nodes },
    new Date(),
  );
  const releasesDir = mkdtempSync(join(tmpdir(), 'desk-hub-releases-'));
  const app = buildHub({
    db,
    countyCode,
    now: () => new Date(),
    oldestProtocolVersion: HUB_PROTOCOL_VERSION,
    ...DEFAULT_LIMITS,
    logger: false,
    trustProxy: false,
    releases: { dir: releasesDir, sizeLimit: DEFAULT_RELEASE_SIZE_LIMIT },
    oldestAppVersion: null,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let stopped = false;
  return {
    url,
    firstCode: firstCode!.code,
    countyCode,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
      await db.destroy();
      rmSync(releasesDir, { recursive: true, force: true });
    },
  };
}

function rootOf(record: PulledRecord): { table: string; id: string } {
  const { root, via } = SYNC_RECORD_ROOTS[record.table as SyncRecordTable];
  if (via === null) return { table: root, id: record.recordId };
  if (record.table === 'attachments' && record.columns.case_id === null)
    return { table: 'event_reports', id: String(record.columns.event_report_id) };
  return { table: root, id: String(record.columns[via]) };
}

/**
 * Stores records in the hub as its push side would once they were pushed: each record now, its
 * root visible to `unitId`, and a feed row numbered after the county's last change.
 */
export async function seedHubRecords(
  hub: InProcessHub,
  unitId: string,
  records: readonly PulledRecord[],
  access: PulledRecord['access'] = 'owner',
): Promise<void> {
  await hub.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sync_sequences')
      .values({ county_code: hub.countyCode, last_seq: 0 })
      .onConflict((oc) => oc.column('county_code').doNothing())
      .execute();
    const { last_seq } = await trx
      .selectFrom('sync_sequences')
      .select('last_seq')
      .where('county_code', '=', hub.countyCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let seq = Number(last_seq);
    for (const record of records) {
      seq += 1;
      const root = rootOf(record);
      const row = {
        org_unit_id: record.orgUnitId,
        root_table: root.table,
        root_id: root.id,
        version: record.version,
        columns: JSON.stringify(record.columns),
        field_versions: JSON.stringify({}),
        deleted: record.columns.deleted_at !== null && record.columns.deleted_at !== undefined,
        change_seq: seq,
        origin_terminal_id: String(record.columns.origin_terminal_id ?? 'seeded'),
        updated_at: new Date(),
      };
      await trx
        .insertInto('sync_records')
        .values({
          county_code: hub.countyCode,
          table_name: record.table,
          record_id: record.recordId,
          ...row,
        })
        .onConflict((oc) => oc.columns(['county_code', 'table_name', 'record_id']).doUpdateSet(row))
        .execute();
      await trx
        .insertInto('sync_visibility')
        .values({ county_code: hub.countyCode, root_id: root.id, unit_id: unitId, access })
        .onConflict((oc) => oc.columns(['county_code', 'root_id', 'unit_id']).doNothing())
        .execute();
      await trx
        .insertInto('sync_feed')
        .values({
          county_code: hub.countyCode,
          unit_id: unitId,
          table_name: record.table,
          record_id: record.recordId,
          seq,
        })
        .onConflict((oc) =>
          oc.columns(['county_code', 'unit_id', 'table_name', 'record_id']).doUpdateSet({ seq }),
        )
        .execute();
    }
    await trx
      .updateTable('sync_sequences')
      .set({ last_seq: seq })
      .where('county_code', '=', hub.countyCode)
      .execute();
  });
}
