import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { HUB_PROTOCOL_VERSION } from '@shared/sync/hub-contract';
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
