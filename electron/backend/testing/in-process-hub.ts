import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { BLOB_SIZE_MAX } from '@shared/sync/blob-contract';
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

/**
 * The county hub's own code (upstream/src, as `npm run hub` builds it) listening on loopback inside
 * the test's process, on in-memory PGlite: for the tests that must also look into the hub's tables
 * and files, or put there what another part of the sync (the push) would have written.
 */
export interface InProcessHub {
  url: string;
  firstCode: string;
  countyCode: string;
  db: Kysely<HubDatabase>;
  /** The hub's attachments folder (blobs.ts: <dir>/<county>/<ab>/<sha256>). */
  blobsDir: string;
  close(): Promise<void>;
  /** The same as close: the hub is gone (a test's 'hub offline'); safe to call twice. */
  stop(): Promise<void>;
}

/** initdb in WebAssembly, then the migrations: slow on a shared machine. */
export const IN_PROCESS_HUB_TIMEOUT_MS = 180_000;

const DEMO_COUNTY = { code: '330324', name: '永嘉县' };
const DEMO_ORG_TREE = resolve(__dirname, '../../../resources/demo-org-tree.json');

/** `dataDir` undefined: PGlite in memory. */
export async function startInProcessHub(dataDir?: string): Promise<InProcessHub> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-hub-'));
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = openHubDatabase({ kind: 'pglite', dataDir });
  await migrate(db, migrations);
  const tree = JSON.parse(readFileSync(DEMO_ORG_TREE, 'utf8')) as {
    nodes: Parameters<typeof prepareCounty>[1]['initialOrgTree'];
  };
  const { firstCode } = await prepareCounty(
    db,
    { countyCode: DEMO_COUNTY.code, countyName: DEMO_COUNTY.name, initialOrgTree: tree.nodes },
    new Date(),
  );
  const blobsDir = join(dir, 'blobs');
  const app = buildHub({
    db,
    countyCode: DEMO_COUNTY.code,
    now: () => new Date(),
    oldestProtocolVersion: HUB_PROTOCOL_VERSION,
    ...DEFAULT_LIMITS,
    logger: false,
    trustProxy: false,
    releases: { dir: join(dir, 'releases'), sizeLimit: DEFAULT_RELEASE_SIZE_LIMIT },
    blobs: { dir: blobsDir, sizeLimit: BLOB_SIZE_MAX },
    oldestAppVersion: null,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      // The terminals of the test share this process's HTTP agent, whose kept-alive connections
      // would hold the close open.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    })());
  return {
    url,
    firstCode: firstCode!.code,
    countyCode: DEMO_COUNTY.code,
    db,
    blobsDir,
    close,
    stop: close,
  };
}

/**
 * A TCP relay between a terminal and the hub that can cut the line: after a set number of bytes
 * from the terminal (mid-request), or for every connection while the line is down.
 */
export interface CuttingProxy {
  url: string;
  /** Cuts the connection once `bytes` more have gone towards the hub, then carries on. */
  cutAfter(bytes: number): void;
  /** While down, every connection is dropped at once, as when the network is away. */
  setDown(down: boolean): void;
  /** Bytes sent towards the hub since the last reset. */
  sentBytes(): number;
  resetCount(): void;
  close(): Promise<void>;
}

export function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const { hostname, port } = new URL(target);
  let cutIn: number | null = null;
  let down = false;
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const hub = connect(Number(port), hostname);
    for (const socket of [client, hub]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        hub.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (cutIn !== null && chunk.length >= cutIn) {
        hub.write(chunk.subarray(0, cutIn));
        sent += cutIn;
        cutIn = null;
        client.destroy();
        hub.destroy();
        return;
      }
      if (cutIn !== null) cutIn -= chunk.length;
      sent += chunk.length;
      hub.write(chunk);
    });
    hub.pipe(client);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      done({
        url: `http://127.0.0.1:${address.port}`,
        cutAfter: (bytes) => {
          cutIn = bytes;
        },
        setDown: (value) => {
          down = value;
          if (down) for (const socket of sockets) socket.destroy();
        },
        sentBytes: () => sent,
        resetCount: () => {
          sent = 0;
        },
        close: () =>
          new Promise((closed) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => closed());
          }),
      });
    });
  });
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
