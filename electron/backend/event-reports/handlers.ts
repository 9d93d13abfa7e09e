import type { HandlerMap } from '../rpc/handler';
import { attachToReport, reportAttachment } from './attachments';
import { acknowledgeReport, createEventReport, getEventReport, listReports } from './service';

export const eventReportHandlers: HandlerMap = {
  'eventReports.create': (ctx, input) => createEventReport(ctx, input),
  'eventReports.list': (ctx, input) => listReports(ctx, input),
  'eventReports.get': (ctx, input) => getEventReport(ctx, input.eventReportId),
  'eventReports.attach': (ctx, input) => attachToReport(ctx, input),
  'eventReports.attachment': (ctx, input) => reportAttachment(ctx, input.attachmentId),
  'eventReports.acknowledge': (ctx, input) => acknowledgeReport(ctx, input),
};
