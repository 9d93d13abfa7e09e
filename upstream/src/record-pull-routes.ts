import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS, digestResponseSchema, pullRequestSchema } from '@shared/sync/records-contract';
import type { HubConfig } from './config';
import { pullPageBody, recordDigest } from './record-pull';

/** The read side of record sync: pages of what the terminal's unit sees, and the digest to check it. */
export function registerRecordPullRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.get(SYNC_PATHS.pull, async (request, reply) => {
    const caller = await app.hubAuthenticate(request);
    const input = pullRequestSchema.parse(request.query);
    // Sent as PostgreSQL wrote it, not parsed again here: the terminal checks every record of a
    // page against the contract before it applies it (shared/sync/pulled-record-check.ts), and a
    // page refused there is asked for again, as after a failure here.
    const page = await pullPageBody(db, countyCode, caller, input);
    return reply.type('application/json; charset=utf-8').send(page);
  });

  app.get(SYNC_PATHS.digest, async (request) => {
    const caller = await app.hubAuthenticate(request);
    return digestResponseSchema.parse(await recordDigest(db, countyCode, caller));
  });
}
