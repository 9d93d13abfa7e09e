import {
  ACCOUNT_PATHS,
  pullAccountsPath,
  pullAccountsResponseSchema,
  pushAccountResponseSchema,
  type PushAccountRequest,
} from '@shared/sync/accounts-contract';
import { hubRequest, type HubClientOptions } from './client';

/** POST /v1/accounts: one account of this terminal's unit, as it now stands. */
export async function pushAccount(options: HubClientOptions, request: PushAccountRequest) {
  return (
    await hubRequest(options, 'POST', ACCOUNT_PATHS.accounts, pushAccountResponseSchema, request)
  ).account;
}

/** GET /v1/accounts?since=: this unit's accounts changed after the cursor. */
export function pullAccounts(options: HubClientOptions, since: number) {
  return hubRequest(options, 'GET', pullAccountsPath(since), pullAccountsResponseSchema);
}
