import type { HandlerMap } from '../rpc/handler';
import {
  agencyIntake,
  applyTransition,
  caseDashboard,
  caseDetail,
  casesOfResident,
  dashboardFigures,
  exportCases,
  handOut,
  intake,
  listCases,
  receive,
  recordPrint,
  supplement,
} from './service';

/** The case workflow; each change answers the case as it now stands. */
export const casesHandlers: HandlerMap = {
  'cases.intake': async (ctx, input) => caseDetail(ctx, await intake(ctx, input)),
  'cases.agencyIntake': async (ctx, input) => caseDetail(ctx, await agencyIntake(ctx, input)),
  'cases.supplement': async (ctx, input) => caseDetail(ctx, await supplement(ctx, input)),
  'cases.receive': async (ctx, input) => caseDetail(ctx, await receive(ctx, input)),
  'cases.transition': async (ctx, input) => caseDetail(ctx, await applyTransition(ctx, input)),
  'cases.handOut': async (ctx, input) => caseDetail(ctx, await handOut(ctx, input)),
  'cases.get': (ctx, input) => caseDetail(ctx, input.caseId),
  'print.record': (ctx, input) => recordPrint(ctx, input.caseId, input.document),
};

/** Lists, search, the export and the 工作台. */
export const caseQueryHandlers: HandlerMap = {
  'cases.list': (ctx, input) => listCases(ctx, input),
  'cases.exportExcel': (ctx, input) => exportCases(ctx, input),
  'cases.ofResident': (ctx, input) => casesOfResident(ctx, input.residentId),
  'cases.dashboard': (ctx) => caseDashboard(ctx),
  'cases.dashboardFigures': (ctx) => dashboardFigures(ctx),
};
