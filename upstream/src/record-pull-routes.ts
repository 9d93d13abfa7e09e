import type { FastifyInstance } from 'fastify';
import {
  SYNC_PATHS,
  digestResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
} from '@shared/sync/records-contract';
import type { HubConfig } from './config';
import { pullRecords, recordDigest } from './record-pull';

/** The read side of record sync: pages of what the terminal's unit sees, and the digest to check it. */
export function registerRecordPullRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.get(SYNC_PATHS.pull, async (request) => {
    const caller = await app.hubAuthenticate(request);
    const input = pullRequestSchema.parse(request.query);
    return pullResponseSchema.parse(await pullRecords(db, countyCode, caller, input));
  });

  app.get(SYNC_PATHS.digest, async (request) => {
    const caller = await app.hubAuthenticate(request);
    return digestResponseSchema.parse(await recordDigest(db, countyCode, caller));
  });
}
