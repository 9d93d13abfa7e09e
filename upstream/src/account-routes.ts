import type { FastifyInstance } from 'fastify';
import {
  ACCOUNT_PATHS,
  pullAccountsQuerySchema,
  pullAccountsResponseSchema,
  pushAccountRequestSchema,
  pushAccountResponseSchema,
} from '@shared/sync/accounts-contract';
import { pullAccounts, pushAccount } from './accounts';
import type { HubConfig } from './config';

/** Staff accounts that follow the person (accounts-contract.ts). Hashes are never logged. */
export function registerAccountRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.post(ACCOUNT_PATHS.accounts, async (request) => {
    const caller = await app.hubAuthenticate(request);
    const input = pushAccountRequestSchema.parse(request.body);
    const account = await pushAccount(db, countyCode, caller, input, config.now());
    request.log.info(
      { accountId: account.id, version: account.version, orgUnit: caller.orgUnit.code },
      'account pushed',
    );
    return pushAccountResponseSchema.parse({ account });
  });

  app.get(ACCOUNT_PATHS.accounts, async (request) => {
    const caller = await app.hubAuthenticate(request);
    const { since } = pullAccountsQuerySchema.parse(request.query);
    return pullAccountsResponseSchema.parse(await pullAccounts(db, countyCode, caller, since));
  });
}
