import type { HandlerMap } from '../rpc/handler';
import { updateSettings } from './service';

export const settingsHandlers: HandlerMap = {
  'settings.get': (ctx) => ctx.rt.settings,
  'settings.update': (ctx, input) => updateSettings(ctx, input),
};
