import type { FastifyInstance } from 'fastify';
import {
  conflictsResponseSchema,
  resolveConflictRequestSchema,
  resolveConflictResponseSchema,
} from '@shared/sync/conflicts-contract';
import { SYNC_PATHS } from '@shared/sync/records-contract';
import type { HubConfig } from './config';
import { listConflicts, resolveConflict } from './conflicts';

/** 同步冲突: the owning unit's open conflicts and a person's choice (conflicts-contract.ts). */
export function registerConflictRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.get(SYNC_PATHS.conflicts, async (request) => {
    const caller = await app.hubAuthenticate(request);
    return conflictsResponseSchema.parse(await listConflicts(db, countyCode, caller));
  });

  // The contract's path builder encodes what it is given, so the route's parameter goes in after.
  const resolvePath = SYNC_PATHS.resolveConflict('ID').replace('ID', ':id');
  app.post<{ Params: { id: string } }>(resolvePath, async (request) => {
    const caller = await app.hubAuthenticate(request);
    const input = resolveConflictRequestSchema.parse(request.body);
    const resolved = await resolveConflict(
      db,
      countyCode,
      caller,
      request.params.id,
      input,
      config.now(),
    );
    request.log.info(
      { conflictId: resolved.id, orgUnit: caller.orgUnit.code, terminal: caller.terminalId },
      'sync conflict resolved',
    );
    return resolveConflictResponseSchema.parse(resolved);
  });
}
