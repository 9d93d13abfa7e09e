import type { HandlerMap } from '../rpc/handler';
import { acknowledgeReport, createEventReport, getEventReport, listReports } from './service';

export const eventReportHandlers: HandlerMap = {
  'eventReports.create': (ctx, input) => createEventReport(ctx, input),
  'eventReports.list': (ctx, input) => listReports(ctx, input),
  'eventReports.get': (ctx, input) => getEventReport(ctx, input.eventReportId),
  'eventReports.acknowledge': (ctx, input) => acknowledgeReport(ctx, input),
};
