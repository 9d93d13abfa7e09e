import type { Selectable } from 'kysely';
import type { AccountFields } from '@shared/sync/accounts-contract';
import type { Db } from '../db/queryable';
import type { UsersTable } from '../db/schema';

/** What a terminal may change of an account; each maps to one column of users. */
export const ACCOUNT_FIELDS = [
  'username',
  'displayName',
  'role',
  'password',
  'mustChangePassword',
  'disabled',
  'deleted',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

function parsePending(text: string | null | undefined): AccountField[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed)
    ? parsed.filter((field): field is AccountField => ACCOUNT_FIELDS.includes(field))
    : [];
}

export interface AccountState {
  hubVersion: number;
  pending: AccountField[];
}

export async function readAccountState(db: Db, userId: string): Promise<AccountState | null> {
  const row = await db
    .selectFrom('hub_accounts')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { hubVersion: row.hub_version, pending: parsePending(row.pending) } : null;
}

/**
 * Notes, in the transaction of the change itself, which fields of an account changed here, so that
 * the change reaches the hub however long the terminal stays offline. Cheap, and done on every
 * terminal: a standalone one pushes what it noted when it joins.
 */
export async function markAccountChanged(
  trx: Db,
  userId: string,
  fields: readonly AccountField[],
): Promise<void> {
  const state = await readAccountState(trx, userId);
  const pending = JSON.stringify([...new Set([...(state?.pending ?? []), ...fields])]);
  await trx
    .insertInto('hub_accounts')
    .values({ user_id: userId, hub_version: 0, pending, problem: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ pending }))
    .execute();
}

/** The hub has the account at `hubVersion` with nothing pending (a reservation, a pull). */
export async function recordAccountInStep(
  trx: Db,
  userId: string,
  hubVersion: number,
): Promise<void> {
  await trx
    .insertInto('hub_accounts')
    .values({ user_id: userId, hub_version: hubVersion, pending: null, problem: null })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ hub_version: hubVersion, pending: null, problem: null }),
    )
    .execute();
}

/**
 * Keeps the hub's refusal beside the account; answers whether it is new (not the one already
 * kept), so that the refusal is audited once, not every cycle it is met again.
 */
export async function recordAccountProblem(
  db: Db,
  userId: string,
  hubVersion: number,
  problem: string,
): Promise<boolean> {
  const before = await db
    .selectFrom('hub_accounts')
    .select('problem')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  await db
    .insertInto('hub_accounts')
    .values({ user_id: userId, hub_version: hubVersion, pending: '[]', problem })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ problem }))
    .execute();
  return before?.problem !== problem;
}

/** The users of this unit the hub has not accepted as they stand: changed here, or never pushed. */
export async function accountsToPush(db: Db, orgUnitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('hub_accounts', 'hub_accounts.user_id', 'users.id')
    .select('users.id')
    .where('users.org_unit_id', '=', orgUnitId)
    .where((eb) =>
      eb.or([
        eb.and([eb('hub_accounts.user_id', 'is', null), eb('users.deleted_at', 'is', null)]),
        eb('hub_accounts.pending', 'is not', null),
      ]),
    )
    .orderBy('users.created_at')
    .execute();
  return rows.map((row) => row.id);
}

type UserRow = Selectable<UsersTable>;

/** The account as this terminal has it, for a push: the whole account, never a part. */
export function accountFieldsOf(row: UserRow): AccountFields {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    passwordFormat: 'scrypt',
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled_at !== null,
    deleted: row.deleted_at !== null,
  };
}
