import type { HandlerMap } from '../rpc/handler';
import { discardDraft, getDraft, saveDraft } from './service';

export const draftsHandlers: HandlerMap = {
  'drafts.get': (ctx, input) => getDraft(ctx, input),
  'drafts.save': (ctx, input) => saveDraft(ctx, input),
  'drafts.discard': (ctx, input) => discardDraft(ctx, input),
};
