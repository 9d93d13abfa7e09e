import type { HandlerMap } from '../rpc/handler';
import { importCalendarYears } from './import';
import { calendarStatus } from './service';

export const calendarHandlers: HandlerMap = {
  'calendar.status': (ctx) => calendarStatus(ctx.rt),
  'calendar.importYears': (ctx, input) => importCalendarYears(ctx, input),
};
