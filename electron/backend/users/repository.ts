import type { User } from '@shared/api';
import type { Db } from '../db/queryable';

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.org_unit_id',
  'users.must_change_password',
  'users.disabled_at',
  'users.locked_until',
  'users.last_sign_in_at',
  'users.created_at',
  'users.version',
  'org_units.name as org_unit_name',
] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(userColumns)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('mediators')
            .select('mediators.id')
            .whereRef('mediators.user_id', '=', 'users.id')
            .where('mediators.deleted_at', 'is', null),
        )
        .as('on_roster'),
    )
    .where('users.deleted_at', 'is', null);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export function toUser(row: UserRow, nowIso: string): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until && row.locked_until > nowIso ? row.locked_until : null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    onRoster: Boolean(row.on_roster),
  };
}

export async function findUserView(db: Db, id: string) {
  return baseQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export async function listUserViews(
  db: Db,
  orgUnitIds: readonly string[],
  includeDisabled: boolean,
) {
  let query = baseQuery(db).where('users.org_unit_id', 'in', orgUnitIds);
  if (!includeDisabled) query = query.where('users.disabled_at', 'is', null);
  return query.orderBy('users.created_at').execute();
}

/** The full row, including the password hash, for sign-in. */
export async function findUserForSignIn(db: Db, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findUserRow(db: Db, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
