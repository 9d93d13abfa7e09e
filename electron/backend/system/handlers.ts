import { ensureDamaged, listAll, restoreBackup } from '../backup/service';
import type { HandlerMap } from '../rpc/handler';
import { status } from './service';

/**
 * What still answers while the database is damaged: the status, and the recovery screen's list and
 * restore of backups, which nobody signed in calls (nobody can sign in then) and which refuse a sound
 * database.
 */
export const systemHandlers: HandlerMap = {
  'system.status': (ctx) => status(ctx.rt),
  'recovery.listBackups': (ctx) => {
    ensureDamaged(ctx.rt);
    return listAll(ctx.rt);
  },
  'recovery.restore': async (ctx, input) => {
    ensureDamaged(ctx.rt);
    await restoreBackup(ctx, input.name);
    return {};
  },
};
