import type { z } from 'zod';
import { auditMethods } from './methods/audit';
import { backupsMethods } from './methods/backups';
import { authMethods } from './methods/auth';
import { attachmentsMethods } from './methods/attachments';
import { calendarMethods } from './methods/calendar';
import { casesMethods } from './methods/cases';
import { draftsMethods } from './methods/drafts';
import { hubMethods } from './methods/hub';
import { hubReferenceMethods } from './methods/hub-reference';
import { hubPullMethods } from './methods/hub-pull';
import { caseQueryMethods } from './methods/case-queries';
import { dashboardFiguresMethods } from './methods/dashboard-figures';
import { catalogueMethods } from './methods/catalogue';
import { residentsMethods } from './methods/residents';
import { statsMethods } from './methods/stats';
import { eventReportsMethods } from './methods/event-reports';
import { mediationMethods } from './methods/mediation';
import { mediatorsMethods } from './methods/mediation-mediators';
import { mediationOutcomeMethods } from './methods/mediation-outcome';
import { mediationPrintMethods } from './methods/mediation-print';
import { mediationSessionMethods } from './methods/mediation-sessions';
import { mediationStatsMethods } from './methods/mediation-stats';
import { orgUnitsMethods } from './methods/org-units';
import { printMethods } from './methods/print';
import { ratingsMethods } from './methods/ratings';
import { recoveryMethods } from './methods/recovery';
import { searchIndexMethods } from './methods/search-index';
import { settingsMethods } from './methods/settings';
import { setupMethods } from './methods/setup';
import { syncPushMethods } from './methods/sync-push';
import { systemMethods } from './methods/system';
import { usersMethods } from './methods/users';
import { updatesMethods } from './methods/updates';
import { syncConflictMethods } from './methods/sync-conflicts';

/** The one map of every backend method. Handlers, the preload and the HTTP client are built from it. */
export const contract = {
  ...systemMethods,
  ...setupMethods,
  ...authMethods,
  ...usersMethods,
  ...orgUnitsMethods,
  ...auditMethods,
  ...settingsMethods,
  ...backupsMethods,
  ...searchIndexMethods,
  ...recoveryMethods,
  ...calendarMethods,
  ...casesMethods,
  ...printMethods,
  ...ratingsMethods,
  ...attachmentsMethods,
  ...caseQueryMethods,
  ...dashboardFiguresMethods,
  ...catalogueMethods,
  ...residentsMethods,
  ...statsMethods,
  ...mediationMethods,
  ...mediatorsMethods,
  ...mediationSessionMethods,
  ...mediationOutcomeMethods,
  ...mediationPrintMethods,
  ...mediationStatsMethods,
  ...eventReportsMethods,
  ...draftsMethods,
  ...hubMethods,
  ...hubReferenceMethods,
  ...hubPullMethods,
  ...updatesMethods,
  ...syncPushMethods,
  ...syncConflictMethods,
};

type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
