import type { HandlerMap } from '../rpc/handler';
import { backupNow, listAll, restoreBackup } from './service';

/** The administrator's 备份与恢复 page; the recovery screen's methods are in system/handlers.ts. */
export const backupsHandlers: HandlerMap = {
  'backups.list': (ctx) => listAll(ctx.rt),
  'backups.create': (ctx) => backupNow(ctx),
  'backups.restore': async (ctx, input) => {
    await restoreBackup(ctx, input.name);
    return {};
  },
};
