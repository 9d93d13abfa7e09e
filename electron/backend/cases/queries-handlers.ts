import type { HandlerMap } from '../rpc/handler';
import { dashboardFigures } from './dashboard/figures';
import { caseDashboard, casesOfResident, exportCases, listCases } from './list/service';

export const caseQueryHandlers: HandlerMap = {
  'cases.list': (ctx, input) => listCases(ctx, input),
  'cases.exportExcel': (ctx, input) => exportCases(ctx, input),
  'cases.ofResident': (ctx, input) => casesOfResident(ctx, input.residentId),
  'cases.dashboard': (ctx) => caseDashboard(ctx),
  'cases.dashboardFigures': (ctx) => dashboardFigures(ctx),
};
