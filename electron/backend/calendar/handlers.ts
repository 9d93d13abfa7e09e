import type { HandlerMap } from '../rpc/handler';
import { calendarStatus } from './service';

export const calendarHandlers: HandlerMap = {
  'calendar.status': (ctx) => calendarStatus(ctx.rt),
};
