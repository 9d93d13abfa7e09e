import type { HandlerMap } from '../rpc/handler';
import { agencyIntake, receive } from './agency/agency';
import { caseDetail } from './detail/detail';
import { intake } from './intake/intake';
import { recordPrint } from './detail/print';
import { applyTransition, handOut, supplement } from './workflow/workflow';

/** The case workflow; lists, search and the 工作台 are in queries-handlers.ts. */
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
