import { dailyBackupIfDue } from '../backup/service';
import type { HandlerMap } from '../rpc/handler';
import { demoOrgTree, initialize } from './service';

export const setupHandlers: HandlerMap = {
  'setup.demoOrgTree': () => demoOrgTree(),
  'setup.initialize': async (ctx, input) => {
    const done = await initialize(ctx, input);
    // The first backup right away, so the status bar never shows a set-up terminal without one.
    await dailyBackupIfDue(ctx.rt);
    return done;
  },
};
