import type { HandlerMap } from '../rpc/handler';
import { listProblems, settleProblem } from './problems';
import { recordSyncState, syncStatus } from './status';

export const syncHandlers: HandlerMap = {
  'sync.status': (ctx) => syncStatus(ctx.rt),
  'sync.problems': (ctx, input) => listProblems(ctx, input.includeSettled),
  'sync.settleProblem': (ctx, input) => settleProblem(ctx, input),
  'sync.recordState': (ctx, input) => recordSyncState(ctx.rt, input.root, input.id),
};
