import type { HandlerMap } from '../rpc/handler';
import { dailyBackupIfDue } from '../backup/service';
import { issueCode, revoke, terminalsOfCounty } from './county-admin';
import { DomainError } from '../core/errors';
import { reconnect } from './rejoin';
import { completeSetup, hubStatus, join, pendingJoin, syncNow } from './service';
import { heldReference, publishPageReference, publishRoster } from './reference-publish';
import { syncAccounts } from './accounts-sync';
import { pullProgress } from './pull/pull';
import { listSyncConflicts, resolveSyncConflict } from './conflicts';
import { updateStatus } from './update-checks';
import { listProblems, settleProblem } from './sync-problems';
import { recordSyncState, syncStatus } from './sync-status';

export const hubHandlers: HandlerMap = {
  'hub.status': async (ctx, input) => {
    const status = await hubStatus(ctx.rt, input.refresh);
    // Only when the hub just answered: a hub that did not is not asked again.
    if (input.refresh && status.state === 'connected' && status.problem === null)
      await syncAccounts(ctx.rt);
    return status;
  },
  'hub.pendingJoin': (ctx) => pendingJoin(ctx.rt),
  'hub.pullProgress': (ctx) => pullProgress(ctx.rt),
  'hub.join': (ctx, input) => {
    if (ctx.rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
    return join(ctx, input);
  },
  'hub.reconnect': async (ctx, input) => {
    const { rematched } = await reconnect(ctx, input);
    // The county's data before the answer; a cycle that fails is retried, the reconnect stands.
    await ctx.rt.hubSync.resume();
    // What changed while away (or every account of a terminal that was standalone) goes up now.
    await syncAccounts(ctx.rt);
    return { ...(await hubStatus(ctx.rt, false)), rematched };
  },
  'hub.completeSetup': async (ctx, input) => {
    const done = await completeSetup(ctx, input);
    // As after the standalone setup: the status bar never shows a set-up terminal without a backup.
    await dailyBackupIfDue(ctx.rt);
    // So that the first screen already has the county's reference data; a failed pull is retried.
    await ctx.rt.hubSync.resume();
    return done;
  },
  'hub.syncNow': (ctx) => syncNow(ctx.rt),
  'hub.issueCode': (ctx, input) => issueCode(ctx, input.orgUnitId),
  'hub.listTerminals': (ctx) => terminalsOfCounty(ctx),
  'hub.revokeTerminal': (ctx, input) => revoke(ctx, input.terminalId),
  'hub.heldReference': (ctx) => heldReference(ctx),
  'hub.publishReference': (ctx, input) => publishPageReference(ctx, input.kind),
  'hub.publishRoster': (ctx) => publishRoster(ctx),
  'updates.status': (ctx, input) => updateStatus(ctx.rt, input.refresh),
  'sync.status': (ctx) => syncStatus(ctx.rt),
  'sync.problems': (ctx, input) => listProblems(ctx, input.includeSettled),
  'sync.settleProblem': (ctx, input) => settleProblem(ctx, input),
  'sync.recordState': (ctx, input) => recordSyncState(ctx.rt, input.root, input.id),
  'sync.conflicts': (ctx) => listSyncConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveSyncConflict(ctx, input.conflictId, input.choice),
};
