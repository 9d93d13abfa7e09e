import type { Selectable } from 'kysely';
import {
  ACCOUNTS_PAGE_SIZE,
  usernameKey,
  type HubAccount,
  type PullAccountsResponse,
  type PushAccountRequest,
} from '@shared/sync/accounts-contract';
import type { AccountsTable } from './db/schema';
import { HubFailure } from './failure';
import type { Db } from './org-units';
import type { Caller } from './terminals';

function toHubAccount(row: Selectable<AccountsTable>): HubAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    passwordFormat: row.password_format as HubAccount['passwordFormat'],
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    deleted: row.deleted,
    orgUnitId: row.org_unit_id,
    version: row.version,
    seq: row.seq,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Stores one account as a terminal of its unit sends it, in one transaction. The unit is the
 * caller's, never one named in the body; an account of another unit is refused, a push made on an
 * older version is refused with the hub's copy, and a username of the county is taken only once.
 */
export async function pushAccount(
  db: Db,
  countyCode: string,
  caller: Caller,
  request: PushAccountRequest,
  now: Date,
): Promise<HubAccount> {
  const { account, baseVersion } = request;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('account_sequences')
      .values({ county_code: countyCode, last_seq: 0 })
      .onConflict((oc) => oc.column('county_code').doNothing())
      .execute();
    // The county's sequence row is the lock: pushes of one county take turns and commit in order.
    const { last_seq } = await trx
      .selectFrom('account_sequences')
      .select('last_seq')
      .where('county_code', '=', countyCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const current = await trx
      .selectFrom('accounts')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('id', '=', account.id)
      .executeTakeFirst();
    if (current && current.org_unit_id !== caller.orgUnit.id) {
      throw new HubFailure('ACCOUNT_OTHER_UNIT');
    }
    if ((current?.version ?? 0) !== baseVersion) {
      throw new HubFailure(
        'ACCOUNT_VERSION_STALE',
        undefined,
        current ? { account: toHubAccount(current) } : {},
      );
    }
    const key = usernameKey(account.username);
    if (!account.deleted) {
      const holder = await trx
        .selectFrom('accounts')
        .select('id')
        .where('county_code', '=', countyCode)
        .where('username_key', '=', key)
        .where('deleted', '=', false)
        .where('id', '!=', account.id)
        .executeTakeFirst();
      if (holder) throw new HubFailure('ACCOUNT_USERNAME_TAKEN');
    }
    const seq = last_seq + 1;
    await trx
      .updateTable('account_sequences')
      .set({ last_seq: seq })
      .where('county_code', '=', countyCode)
      .execute();
    const row = {
      username: account.username,
      username_key: key,
      display_name: account.displayName,
      role: account.role,
      password_hash: account.passwordHash,
      password_format: account.passwordFormat,
      must_change_password: account.mustChangePassword,
      disabled: account.disabled,
      deleted: account.deleted,
      version: baseVersion + 1,
      seq,
      updated_at: now,
      updated_by_terminal_id: caller.terminalId,
    };
    const written = await trx
      .insertInto('accounts')
      .values({ county_code: countyCode, id: account.id, org_unit_id: caller.orgUnit.id, ...row })
      .onConflict((oc) => oc.columns(['county_code', 'id']).doUpdateSet(row))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toHubAccount(written);
  });
}

/** The caller's own unit's accounts changed after `since`, oldest first; no other unit's, ever. */
export async function pullAccounts(
  db: Db,
  countyCode: string,
  caller: Caller,
  since: number,
): Promise<PullAccountsResponse> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('org_unit_id', '=', caller.orgUnit.id)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(ACCOUNTS_PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, ACCOUNTS_PAGE_SIZE);
  return {
    accounts: page.map(toHubAccount),
    cursor: page.at(-1)?.seq ?? since,
    more: rows.length > ACCOUNTS_PAGE_SIZE,
  };
}
