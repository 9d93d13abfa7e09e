import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ACCOUNT_PATHS, pullAccountsPath } from '@shared/sync/accounts-contract';
import { formatContentRange } from '@shared/sync/blob-contract';
import { SYNC_PATHS, pullPath } from '@shared/sync/records-contract';
import {
  APP_VERSION_HEADER,
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import { REFERENCE_PATHS } from '@shared/sync/reference-contract';
import { UPDATE_CHANNEL_FILE, UPDATE_FEED_PATH } from '@shared/sync/updates-contract';
import {
  describeOnBackends,
  listenToQueries,
  useDatabase,
  type Backend,
} from '../../test/hub-backends';
import { caseRow, insert, resident, TerminalLog, update } from '../../test/terminal-log';
import { smallOrgTree, startTestHub } from '../../test/test-hub';
import type { HubDatabase } from './schema';

/**
 * What Citus needs to distribute every hub table by county (upstream/README.md, "Built to shard"):
 * each table's primary key starts with county_code, and every other unique key and every foreign
 * key includes it. Read from the catalogue, so that a table added later is checked too.
 */
async function shardingProblems(db: Kysely<HubDatabase>): Promise<string[]> {
  const tables = await sql<{ table: string; first: string | null }>`
    SELECT t.relname AS "table", a.attname AS "first"
    FROM pg_class t
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_index i ON i.indrelid = t.oid AND i.indisprimary
    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
    WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p')
    ORDER BY 1`.execute(db);
  const uniques = await sql<{ index: string; columns: string[] }>`
    SELECT ix.relname AS "index",
           array(SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)) AS "columns"
    FROM pg_index i
    JOIN pg_class ix ON ix.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = ix.relnamespace
    WHERE n.nspname = 'public' AND i.indisunique`.execute(db);
  const foreignKeys = await sql<{ constraint: string; columns: string[] }>`
    SELECT c.conname AS "constraint",
           array(SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS "columns"
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.contype = 'f'`.execute(db);
  const problems = [
    ...tables.rows
      .filter((row) => row.first !== 'county_code')
      .map((row) => `table ${row.table}: primary key does not start with county_code`),
    ...uniques.rows
      .filter((row) => !row.columns.includes('county_code'))
      .map((row) => `unique index ${row.index} lacks county_code`),
    ...foreignKeys.rows
      .filter((row) => !row.columns.includes('county_code'))
      .map((row) => `foreign key ${row.constraint} lacks county_code`),
  ];
  return problems.sort();
}

const shardingTestAccount = {
  id: 'user-1',
  username: 'wangxh',
  displayName: '王小红',
  role: 'clerk',
  passwordHash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==',
  passwordFormat: 'scrypt',
  mustChangePassword: true,
  disabled: false,
  deleted: false,
};

describeOnBackends('built to shard by county', (backend: Backend) => {
  const database = useDatabase(backend);
  let db: Kysely<HubDatabase>;
  beforeAll(() => {
    db = database();
  });

  it('keys every table by county_code first, and every unique and foreign key includes it', async () => {
    const tables = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db);
    expect(tables.rows[0]!.n).toBe(20);
    expect(await shardingProblems(db)).toEqual([]);
  });

  it('catches a table keyed otherwise', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`CREATE TABLE releases (version text PRIMARY KEY, county_code text)`.execute(trx);
        await sql`CREATE TABLE notes (county_code text, id text, token text UNIQUE,
                    PRIMARY KEY (county_code, id))`.execute(trx);
        expect(await shardingProblems(trx)).toEqual([
          'table releases: primary key does not start with county_code',
          'unique index notes_token_key lacks county_code',
          'unique index releases_pkey lacks county_code',
        ]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });

  it('names county_code in every statement a terminal’s calls run', async () => {
    const queries: string[] = [];
    const stopListening = listenToQueries((text) => queries.push(text));
    const hub = await startTestHub(db);
    const county = (await hub.enrol(hub.firstCode)).body;
    const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: county.token,
      body: { orgUnitCode: `${hub.countyCode}001` },
    });
    const township = (await hub.enrol(code.body.code)).body;
    await hub.call('GET', HUB_PATHS.orgTree, { token: township.token });
    await hub.call('GET', HUB_PATHS.terminal, { token: township.token });
    await hub.call('POST', ACCOUNT_PATHS.accounts, {
      token: township.token,
      body: { account: shardingTestAccount, baseVersion: 0 },
    });
    await hub.call('GET', pullAccountsPath(0), { token: township.token });
    const log = new TerminalLog(township.terminalId, township.orgUnit.id);
    const residentId = randomUUID();
    const caseId = randomUUID();
    const changes = [
      ...log.tx(insert('residents', residentId, resident())),
      ...log.tx(insert('cases', caseId, caseRow(residentId))),
      ...log.tx(update('cases', caseId, { org_unit_id: county.orgUnit.id })),
    ];
    await hub.call('POST', SYNC_PATHS.push, {
      token: township.token,
      body: { epoch: log.epoch, entries: changes },
    });
    // The same again: the repeat's answer is read from what the first push stored.
    await hub.call('POST', SYNC_PATHS.push, {
      token: township.token,
      body: { epoch: log.epoch, entries: changes },
    });
    await hub.call('GET', pullPath({ limit: 1 }), { token: township.token });
    await hub.call('GET', SYNC_PATHS.digest, { token: township.token });
    // The update feed, and the oldest app version checked on a sync request that states one.
    await hub.call('GET', `${UPDATE_FEED_PATH}/${UPDATE_CHANNEL_FILE}`, { token: township.token });
    await hub.call('GET', HUB_PATHS.orgTree, {
      token: township.token,
      headers: { [APP_VERSION_HEADER]: '0.1.0' },
    });
    await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token: county.token,
      body: { baseEdition: 1, units: smallOrgTree(hub.countyCode) },
    });
    await hub.call('GET', HUB_PATHS.adminTerminals, { token: county.token });
    await hub.call('PUT', REFERENCE_PATHS.publish('roster'), {
      token: county.token,
      body: {
        baseEdition: 0,
        payload: {
          entries: [randomUUID(), undefined].map((id) => ({
            id,
            orgUnitCode: `${hub.countyCode}001`,
            committeeKind: 'township',
            name: '王秀英',
            gender: null,
            phone: null,
            background: 'lawyer',
            specialties: [],
            active: true,
            note: null,
          })),
        },
      },
    });
    await hub.call('GET', REFERENCE_PATHS.manifest, { token: township.token });
    await hub.call('GET', REFERENCE_PATHS.edition('roster'), { token: township.token });
    await hub.call('GET', SYNC_PATHS.conflicts, { token: township.token });
    await hub.call('POST', SYNC_PATHS.resolveConflict('none'), {
      token: township.token,
      body: { choice: 'kept', resolvedBy: 'u' },
    });
    // An attachment file: one whole chunk, its state, and a read (refused: no record names it).
    const scan = Buffer.from('%PDF-1.7\n a scan');
    const blob = SYNC_PATHS.blob(createHash('sha256').update(scan).digest('hex'));
    const asTownship = {
      [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
      authorization: bearer(township.token),
    };
    await hub.app.inject({
      method: 'PUT',
      url: blob,
      headers: {
        ...asTownship,
        'content-type': 'application/octet-stream',
        'content-range': formatContentRange({ start: 0, end: scan.length - 1, total: scan.length }),
      },
      payload: scan,
    });
    await hub.app.inject({ method: 'HEAD', url: blob, headers: asTownship });
    await hub.app.inject({ method: 'GET', url: blob, headers: asTownship });
    await hub.call('POST', HUB_PATHS.adminRevokeTerminal(township.terminalId), {
      token: county.token,
      body: {},
    });
    await hub.call('GET', HUB_PATHS.health);
    await hub.close();
    stopListening();
    expect(queries.length).toBeGreaterThan(20);
    const statements = queries.filter(
      (text) => !/^(begin|commit|rollback|start transaction)\b/i.test(text),
    );
    expect(statements.filter((text) => !text.includes('"county_code"'))).toEqual([]);
  });
});
