import { z } from 'zod';
import { roleSchema } from '../api/roles';

/**
 * Staff accounts that follow the person: an account belongs to its org unit and works at every
 * enrolled terminal of that unit. The hub keeps each account (usernames unique in the county) and
 * hands it, password hash included, to the terminals of the account's own unit only. The hub never
 * checks a password; it stores what the unit's terminals send. Lockout counters, last sign-in and
 * sessions stay on each terminal and never travel.
 */

export const ACCOUNT_PATHS = {
  /** POST: a terminal pushes one account of its own unit; GET ?since=: the unit's changes. */
  accounts: '/v1/accounts',
} as const;

/** The hash formats a terminal may send (electron/backend/auth/password-hash.ts writes scrypt). */
export const PASSWORD_FORMATS = ['scrypt'] as const;

/** A page of GET /v1/accounts holds at most this many accounts; `more` says when to ask again. */
export const ACCOUNTS_PAGE_SIZE = 500;

/** What the terminal sends: the whole account as it now stands. The org unit is never sent. */
export const accountFieldsSchema = z.object({
  /** The terminal's user id, kept by every terminal of the unit. */
  id: z.string().trim().min(1).max(64),
  username: z.string().trim().min(1).max(40),
  displayName: z.string().trim().min(1).max(40),
  role: roleSchema,
  passwordHash: z.string().min(1).max(400),
  passwordFormat: z.enum(PASSWORD_FORMATS),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** A never-used account removed at a terminal: its username is free again. */
  deleted: z.boolean(),
});
export type AccountFields = z.infer<typeof accountFieldsSchema>;

/** The account as the hub holds it. */
export const hubAccountSchema = accountFieldsSchema.extend({
  /** The unit the account belongs to: the unit of the terminal that first pushed it. */
  orgUnitId: z.string(),
  /** 1 when created, one more per accepted push: the base of the next push. */
  version: z.number().int().min(1),
  /** The county's account sequence at this change: the cursor of GET ?since=. */
  seq: z.number().int().min(1),
  updatedAt: z.string(),
});
export type HubAccount = z.infer<typeof hubAccountSchema>;

// POST /v1/accounts: 409 ACCOUNT_USERNAME_TAKEN when another account of the county (any unit) has
// the username; 409 ACCOUNT_VERSION_STALE, with the hub's `account`, when baseVersion is not the
// hub's version; 403 ACCOUNT_OTHER_UNIT when the id belongs to another unit's account.
export const pushAccountRequestSchema = z.object({
  account: accountFieldsSchema,
  /** The hub version this change was made on; 0 for an account the hub does not have yet. */
  baseVersion: z.number().int().min(0),
});
export type PushAccountRequest = z.infer<typeof pushAccountRequestSchema>;
export const pushAccountResponseSchema = z.object({ account: hubAccountSchema });

// GET /v1/accounts?since=<seq>: the caller's own unit's accounts changed after `since`, oldest first.
export const pullAccountsQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
});
export const pullAccountsResponseSchema = z.object({
  accounts: z.array(hubAccountSchema),
  /** The seq of the last account in the page (or `since` when none): the next `since`. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type PullAccountsResponse = z.infer<typeof pullAccountsResponseSchema>;

export function pullAccountsPath(since: number): string {
  return `${ACCOUNT_PATHS.accounts}?since=${since}`;
}

/** Usernames are unique in the county whatever their case, as on the terminal (COLLATE NOCASE). */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}
