import type { HandlerMap } from '../rpc/handler';
import { rebuildSearchIndexes } from './service';

export const searchIndexHandlers: HandlerMap = {
  'searchIndex.rebuild': (ctx) => rebuildSearchIndexes(ctx),
};
