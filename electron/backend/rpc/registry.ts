import { contract, type MethodName } from '@shared/api';
import { attachmentsHandlers } from '../attachments/handlers';
import { auditHandlers } from '../audit/handlers';
import { authHandlers } from '../auth/handlers';
import { backupsHandlers } from '../backup/handlers';
import { calendarHandlers } from '../calendar/handlers';
import { caseQueryHandlers, casesHandlers } from '../cases/handlers';
import { catalogueHandlers } from '../catalogue/handlers';
import { draftsHandlers } from '../drafts/handlers';
import { eventReportHandlers } from '../event-reports/handlers';
import { hubHandlers } from '../hub/handlers';
import { mediationHandlers } from '../mediation/handlers';
import { orgHandlers } from '../org/handlers';
import { ratingsHandlers } from '../ratings/handlers';
import { residentsHandlers } from '../residents/handlers';
import { searchIndexHandlers } from '../search-index/handlers';
import { settingsHandlers } from '../settings/handlers';
import { setupHandlers } from '../setup/handlers';
import { statsHandlers } from '../stats/handlers';
import { systemHandlers } from '../system/handlers';
import { usersHandlers } from '../users/handlers';
import type { Handler, HandlerMap } from './handler';

export type Registry = ReadonlyMap<MethodName, Handler<MethodName>>;

/** Every domain's handlers.ts; a domain adds its methods there, not here. */
export const DOMAIN_HANDLERS: readonly HandlerMap[] = [
  systemHandlers,
  setupHandlers,
  authHandlers,
  usersHandlers,
  orgHandlers,
  auditHandlers,
  settingsHandlers,
  backupsHandlers,
  searchIndexHandlers,
  calendarHandlers,
  casesHandlers,
  ratingsHandlers,
  attachmentsHandlers,
  caseQueryHandlers,
  catalogueHandlers,
  residentsHandlers,
  statsHandlers,
  mediationHandlers,
  eventReportHandlers,
  draftsHandlers,
  hubHandlers,
];

/** Merges the domains' handler maps; a name twice or a contract method without a handler fails at start. */
export function buildRegistry(maps: readonly HandlerMap[]): Registry {
  const registry = new Map<MethodName, Handler<MethodName>>();
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map) as [MethodName, Handler<MethodName>][]) {
      if (registry.has(name)) throw new Error(`handler registered twice: ${name}`);
      registry.set(name, handler);
    }
  }
  const missing = (Object.keys(contract) as MethodName[]).filter((name) => !registry.has(name));
  if (missing.length > 0)
    throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return registry;
}
