import { createReadStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { HUB_PROTOCOL_VERSION, publishOrgTreeRequestSchema } from '@shared/sync/hub-contract';
import { isVersion } from '@shared/domain/updates';
import { DEFAULT_RELEASE_SIZE_LIMIT, UPDATE_CHANNEL_FILE } from '@shared/sync/updates-contract';
import { BLOB_SIZE_MAX } from '@shared/sync/blob-contract';
import { buildHub } from './app';
import { DEFAULT_LIMITS } from './config';
import { openHubDatabase, type HubStorage } from './db/connection';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { prepareCounty } from './county';
import { HubFailure } from './failure';
import { ensureCounty } from './org-units';
import { parseLatestYml, uploadRelease, type ReleaseStore } from './releases';
import type { BlobStore } from './blobs';

/** The demo county of resources/demo-org-tree.json, so that a demo terminal and the hub agree. */
const DEMO_COUNTY = { code: '330324', name: '永嘉县' };
const DEMO_ORG_TREE = resolve(__dirname, '../../resources/demo-org-tree.json');

const orgTreeFileSchema = z.object({
  nodes: publishOrgTreeRequestSchema.shape.units,
});

const USAGE = `npm run hub -- [--data DIR] [--port N] [--host ADDRESS] [--county CODE --county-name NAME] [--org-tree FILE]
                  [--releases DIR] [--blobs DIR] [--oldest-app-version X.Y.Z]
npm run hub -- release DIR [same storage options] [--oldest-app-version X.Y.Z]
  release        load an app release (DIR holds electron-builder's latest.yml and the installer it
                 names) into the hub's storage; with PGlite run it while the hub is stopped
  --data         PGlite data folder (default ./hub-data); ignored when DATABASE_URL is set
  --port         TCP port (default 8686)
  --host         address to listen on (default 127.0.0.1; 0.0.0.0 behind a reverse proxy on another host)
  --county       the county's 6-digit division code (default ${DEMO_COUNTY.code}, the demo county)
  --county-name  the county's name (default ${DEMO_COUNTY.name})
  --org-tree     a JSON file {nodes:[{code,name,level,parentCode}]} published as the first org tree
                 edition when the county has none (default for the demo county: resources/demo-org-tree.json)
  --trust-proxy  take client addresses from X-Forwarded-For (only behind your own reverse proxy)
  --db-pool      connections to the PostgreSQL server of DATABASE_URL (default 10)
  --releases     folder for uploaded app releases (default DIR/releases of --data; ./hub-releases with
                 DATABASE_URL)
  --blobs        folder for attachment files synced from terminals (default DIR/blobs of --data;
                 ./hub-blobs with DATABASE_URL)
  --oldest-app-version  the oldest app version the hub still syncs with (an upload may raise it)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'hub-data' },
      port: { type: 'string', default: '8686' },
      host: { type: 'string', default: '127.0.0.1' },
      county: { type: 'string', default: DEMO_COUNTY.code },
      'county-name': { type: 'string' },
      'org-tree': { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      'db-pool': { type: 'string', default: '10' },
      releases: { type: 'string' },
      blobs: { type: 'string' },
      'oldest-app-version': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const countyCode = values.county;
  if (!/^\d{6}$/.test(countyCode))
    throw new Error(`--county takes a 6-digit division code\n${USAGE}`);
  const countyName =
    values['county-name'] ?? (countyCode === DEMO_COUNTY.code ? DEMO_COUNTY.name : undefined);
  if (!countyName)
    throw new Error(`--county-name is required with --county ${countyCode}\n${USAGE}`);
  const oldestAppVersion = values['oldest-app-version'] ?? null;
  if (oldestAppVersion !== null && !isVersion(oldestAppVersion))
    throw new Error(`--oldest-app-version takes a version such as 1.2.0\n${USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${USAGE}`);

  const poolSize = Number(values['db-pool']);
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`bad --db-pool\n${USAGE}`);

  const storage: HubStorage = process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL, poolSize }
    : { kind: 'pglite', dataDir: resolve(values.data) };
  if (storage.kind === 'pglite') mkdirSync(storage.dataDir!, { recursive: true });
  const releases: ReleaseStore = {
    dir: resolve(
      values.releases ??
        (storage.kind === 'pglite' ? join(storage.dataDir!, 'releases') : 'hub-releases'),
    ),
    sizeLimit: DEFAULT_RELEASE_SIZE_LIMIT,
  };
  if (positionals[0] === 'release') {
    if (!positionals[1]) throw new Error(`release needs the folder of latest.yml\n${USAGE}`);
    await loadRelease(
      storage,
      { countyCode, countyName },
      port,
      releases,
      positionals[1],
      oldestAppVersion,
    );
    return;
  }
  if (positionals.length > 0) throw new Error(`unknown command ${positionals[0]}\n${USAGE}`);
  mkdirSync(releases.dir, { recursive: true });
  const blobs: BlobStore = {
    dir: resolve(
      values.blobs ?? (storage.kind === 'pglite' ? join(storage.dataDir!, 'blobs') : 'hub-blobs'),
    ),
    sizeLimit: BLOB_SIZE_MAX,
  };
  mkdirSync(blobs.dir, { recursive: true });
  const db = openHubDatabase(storage);
  await migrate(db, migrations);
  const treeFile =
    values['org-tree'] ?? (countyCode === DEMO_COUNTY.code ? DEMO_ORG_TREE : undefined);
  const initialOrgTree = treeFile
    ? orgTreeFileSchema.parse(JSON.parse(await readFile(treeFile, 'utf8'))).nodes
    : undefined;
  const { firstCode } = await prepareCounty(
    db,
    { countyCode, countyName, initialOrgTree },
    new Date(),
  );

  const app = buildHub({
    db,
    countyCode,
    now: () => new Date(),
    oldestProtocolVersion: HUB_PROTOCOL_VERSION,
    ...DEFAULT_LIMITS,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: values['trust-proxy'],
    releases,
    blobs,
    oldestAppVersion,
  });
  const address = await app.listen({ port, host: values.host });

  const lines = [
    `县级平台已启动 / county hub listening: ${address}`,
    `  county ${countyCode} ${countyName}; storage: ${storage.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${storage.dataDir}`}`,
  ];
  if (firstCode) {
    lines.push(
      `  县级中心首台终端加入码 / enrolment code for the county centre's first terminal: ${firstCode.code}`,
      `  (one use, valid until ${firstCode.expiresAt}; a new one is printed at each start until a terminal has joined)`,
    );
  }
  // The code goes to the operator's console only, never into the structured log.
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * `npm run hub -- release DIR`: the county's operator loads a release on the hub machine itself,
 * checked exactly as an upload through the API is. PGlite serves one process at a time, so with
 * PGlite this refuses while a hub answers on --port.
 */
async function loadRelease(
  storage: HubStorage,
  { countyCode, countyName }: { countyCode: string; countyName: string },
  port: number,
  releases: ReleaseStore,
  dir: string,
  oldestAppVersion: string | null,
): Promise<void> {
  if (storage.kind === 'pglite') {
    const running = await fetch(`http://127.0.0.1:${port}/health`).then(
      () => true,
      () => false,
    );
    if (running) throw new Error('县级平台正在运行：使用 PGlite 时请先停止县级平台，再导入新版本');
  }
  const manifest = await readFile(join(dir, UPDATE_CHANNEL_FILE), 'utf8');
  const db = openHubDatabase(storage);
  try {
    await migrate(db, migrations);
    // A hub loaded with a release before its first start serves its county from the start.
    await ensureCounty(db, countyCode, countyName);
    const fileName = parseLatestYml(manifest).files[0]!.url;
    mkdirSync(releases.dir, { recursive: true });
    const release = await uploadRelease(db, releases, {
      countyCode,
      manifest,
      fileName,
      body: createReadStream(join(dir, fileName)),
      oldestAppVersion: oldestAppVersion ?? undefined,
      uploadedByTerminalId: null,
      now: new Date(),
    });
    process.stdout.write(
      `已导入新版本 ${release.version}（${release.fileName}，${release.size} 字节）` +
        (release.oldestAppVersion ? `；最低同步版本 ${release.oldestAppVersion}` : '') +
        '\n',
    );
  } catch (error) {
    if (error instanceof HubFailure) {
      const fields = error.extra.fields ? ` ${JSON.stringify(error.extra.fields)}` : '';
      throw new Error(`${error.code}: ${error.message}${fields}`);
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
