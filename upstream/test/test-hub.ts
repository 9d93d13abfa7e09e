import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
  type PublishOrgTreeRequest,
} from '@shared/sync/hub-contract';
import { buildHub } from '../src/app';
import { DEFAULT_LIMITS, type HubConfig } from '../src/config';
import { prepareCounty } from '../src/county';
import type { HubDatabase } from '../src/db/schema';
import { DEFAULT_RELEASE_SIZE_LIMIT } from '@shared/sync/updates-contract';
import { BLOB_SIZE_MAX } from '@shared/sync/blob-contract';

let lastCounty = 3300 + Math.floor(Math.random() * 4000);

/** A county of its own per test: the hub's tables are keyed by county, so tests share a database. */
function nextCountyCode(): string {
  lastCounty += 1;
  return `33${String(lastCounty).padStart(4, '0')}`;
}

export function smallOrgTree(county: string): PublishOrgTreeRequest['units'] {
  return [
    { code: county, name: '测试县', level: 'county', parentCode: null },
    { code: `${county}001`, name: '东城街道', level: 'township', parentCode: county },
    { code: `${county}001001`, name: '城东社区', level: 'village', parentCode: `${county}001` },
    { code: `${county}002`, name: '北城街道', level: 'township', parentCode: county },
  ];
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Record<string, unknown>;
  // Tests read answers as the terminal would: untyped JSON checked field by field.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestHub {
  app: FastifyInstance;
  countyCode: string;
  /** The code the hub prints at start for the county centre's first terminal. */
  firstCode: string;
  clock: { now: Date };
  /** The hub's releases folder, removed by close(). */
  releasesDir: string;
  /** The hub's attachments folder, removed by close(). */
  blobsDir: string;
  call(method: 'GET' | 'POST' | 'PUT', path: string, options?: CallOptions): Promise<CallResult>;
  /** Enrols a terminal with `code` and returns its token and record. */
  enrol(code: string, appVersion?: string): Promise<CallResult>;
  close(): Promise<void>;
}

export async function startTestHub(
  db: Kysely<HubDatabase>,
  overrides: Partial<HubConfig> = {},
): Promise<TestHub> {
  const countyCode = nextCountyCode();
  const clock = { now: new Date('2026-12-07T01:00:00.000Z') };
  const { firstCode } = await prepareCounty(
    db,
    { countyCode, countyName: '测试县', initialOrgTree: smallOrgTree(countyCode) },
    clock.now,
  );
  const releasesDir = mkdtempSync(join(tmpdir(), 'hub-releases-'));
  const blobsDir = mkdtempSync(join(tmpdir(), 'hub-blobs-'));
  const app = buildHub({
    db,
    countyCode,
    now: () => clock.now,
    oldestProtocolVersion: HUB_PROTOCOL_VERSION,
    ...DEFAULT_LIMITS,
    logger: false,
    trustProxy: false,
    releases: { dir: releasesDir, sizeLimit: DEFAULT_RELEASE_SIZE_LIMIT },
    blobs: { dir: blobsDir, sizeLimit: BLOB_SIZE_MAX },
    oldestAppVersion: null,
    ...overrides,
  });
  await app.ready();
  const call: TestHub['call'] = async (method, path, options = {}) => {
    const response = await app.inject({
      method,
      url: path,
      headers: {
        [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
        ...(options.token ? { authorization: bearer(options.token) } : {}),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? response.json() : {},
    };
  };
  return {
    app,
    countyCode,
    firstCode: firstCode!.code,
    clock,
    releasesDir,
    blobsDir,
    call,
    enrol: (code, appVersion = '0.1.0') =>
      call('POST', HUB_PATHS.enrol, { body: { code, appVersion, hostname: 'WIN-CHUANG01' } }),
    async close() {
      await app.close();
      rmSync(releasesDir, { recursive: true, force: true });
      rmSync(blobsDir, { recursive: true, force: true });
    },
  };
}
