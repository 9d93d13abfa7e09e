import type { HandlerMap } from '../rpc/handler';
import { followups, recordCallback, submitRating } from './service';

export const ratingsHandlers: HandlerMap = {
  'ratings.submit': (ctx, input) => submitRating(ctx, input),
  'ratings.followups': (ctx, input) => followups(ctx, input),
  'ratings.recordCallback': (ctx, input) => recordCallback(ctx, input),
};
