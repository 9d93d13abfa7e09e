import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS, pushResponseSchema } from '@shared/sync/records-contract';
import type { HubConfig } from '../config';
import { pushChanges } from './push';
import { parsePushRequest } from './push-request-check';

/**
 * A push of PUSH_BATCH_MAX case-sized entries (a case row is ~1.5 KB as JSON) with a transaction
 * running over the batch limit is ~3–4 MB; the hub's default body limit is for small requests.
 */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export function registerPushRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.post(SYNC_PATHS.push, { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const caller = await app.hubAuthenticate(request);
    const input = parsePushRequest(request.body);
    const now = config.now();
    const answer = await pushChanges(db, countyCode, caller, input, now);
    request.log.info(
      {
        terminalId: caller.terminalId,
        entries: input.entries.length,
        decidedThrough: answer.decidedThrough,
        rejections: answer.rejections.length,
        conflicts: answer.conflictsOpened,
      },
      'changes pushed',
    );
    if (answer.clockAhead.length > 0) {
      request.log.warn(
        { terminalId: caller.terminalId, seqs: answer.clockAhead },
        'versions far ahead of the hub clock',
      );
      return pushResponseSchema.parse({ ...answer, hubTime: now.toISOString() });
    }
    return pushResponseSchema.parse(answer);
  });
}
