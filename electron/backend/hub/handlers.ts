import type { HandlerMap } from '../rpc/handler';
import { dailyBackupIfDue } from '../backup/service';
import { issueCode, revoke, terminalsOfCounty } from './county-admin';
import { DomainError } from '../core/errors';
import { completeSetup, hubStatus, join, pendingJoin } from './service';
import { updateStatus } from './update-checks';

export const hubHandlers: HandlerMap = {
  'hub.status': (ctx, input) => hubStatus(ctx.rt, input.refresh),
  'hub.pendingJoin': (ctx) => pendingJoin(ctx.rt),
  'hub.join': (ctx, input) => {
    if (ctx.rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
    return join(ctx, input);
  },
  'hub.reconnect': (ctx, input) => join(ctx, input),
  'hub.completeSetup': async (ctx, input) => {
    const done = await completeSetup(ctx, input);
    // As after the standalone setup: the status bar never shows a set-up terminal without a backup.
    await dailyBackupIfDue(ctx.rt);
    return done;
  },
  'hub.issueCode': (ctx, input) => issueCode(ctx, input.orgUnitId),
  'hub.listTerminals': (ctx) => terminalsOfCounty(ctx),
  'hub.revokeTerminal': (ctx, input) => revoke(ctx, input.terminalId),
  'updates.status': (ctx, input) => updateStatus(ctx.rt, input.refresh),
};
