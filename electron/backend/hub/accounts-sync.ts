import type { AccountFields } from '@shared/sync/accounts-contract';
import { HUB_ERROR_MESSAGES } from '@shared/sync/hub-contract';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import type { Runtime } from '../core/runtime';
import { getSetting, putSetting } from '../settings/service';
import { applyHubAccount, HUB_ACTOR } from './accounts-apply';
import { pullAccounts, pushAccount } from './accounts-client';
import {
  accountFieldsOf,
  accountsToPush,
  readAccountState,
  recordAccountProblem,
} from './accounts-state';
import { HubRefusal, HubUnreachable, type HubClientOptions } from './client';
import { UNREACHABLE_MESSAGE } from './errors';
import { readEnrolment } from './repository';

/**
 * A change made at the counter waits this long for the hub before it is kept for the next cycle:
 * a hub that is down answers at once, one behind a silent network must not hold the window longer.
 */
const AT_ONCE_TIMEOUT_MS = 3_000;

export interface AccountSync {
  state: 'done' | 'standalone' | 'unreachable' | 'refused';
  pushed: number;
  applied: number;
  /** The hub's words when it refused the terminal (revoked, say) or could not be reached. */
  problem: string | null;
}

/** The hub of an enrolled, not revoked terminal whose token is readable; else null. */
async function hubOf(rt: Runtime, timeoutMs?: number): Promise<HubClientOptions | null> {
  if (!rt.terminal) return null;
  const enrolment = await readEnrolment(rt.db);
  const token = rt.hubTokens.read();
  if (!enrolment || enrolment.revokedAt || !token) return null;
  return { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion, timeoutMs };
}

/**
 * Pushes one account as it stands here. 'stale' when the hub has a newer version: the pull that
 * follows merges it, and the account is pushed again on that base. A refusal for good (the
 * username is taken in the county) is kept beside the account and tried again next cycle.
 */
async function pushOne(
  rt: Runtime,
  hub: HubClientOptions,
  userId: string,
): Promise<'pushed' | 'stale' | 'refused' | 'skipped'> {
  const row = await rt.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return 'skipped';
  const state = await readAccountState(rt.db, userId);
  const baseVersion = state?.hubVersion ?? 0;
  if (baseVersion === 0 && row.deleted_at !== null) {
    // Removed before the hub ever had it: nothing to tell.
    await rt.db.deleteFrom('hub_accounts').where('user_id', '=', userId).execute();
    return 'skipped';
  }
  let accepted;
  try {
    accepted = await pushAccount(hub, { account: accountFieldsOf(row), baseVersion });
  } catch (error) {
    if (!(error instanceof HubRefusal)) throw error;
    if (error.code === 'ACCOUNT_VERSION_STALE') return 'stale';
    if (['ACCOUNT_USERNAME_TAKEN', 'ACCOUNT_OTHER_UNIT', 'INVALID_INPUT'].includes(error.code)) {
      await rt.db.transaction().execute(async (trx) => {
        if (await recordAccountProblem(trx, userId, baseVersion, error.message)) {
          await appendAudit(trx, rt.stamper.nowIso(), HUB_ACTOR, rt.terminal?.terminalId ?? null, {
            action: 'users.syncToHub',
            objectType: 'user',
            objectId: userId,
            outcome: 'failure',
            detail: `${row.username}：${error.message}（此账号暂只在本机有效）`,
          });
        }
      });
      return 'refused';
    }
    throw error;
  }
  await rt.db.transaction().execute(async (trx) => {
    // Changed here again while the push was on its way: that change is still to be pushed.
    const now = await trx
      .selectFrom('users')
      .select('version')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const settled = now.version === row.version;
    await trx
      .insertInto('hub_accounts')
      .values({ user_id: userId, hub_version: accepted.version, pending: null, problem: null })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet(
            settled
              ? { hub_version: accepted.version, pending: null, problem: null }
              : { hub_version: accepted.version, problem: null },
          ),
      )
      .execute();
  });
  return 'pushed';
}

/** Applies the unit's accounts changed since the stored cursor, page by page, each page with its cursor. */
async function pullAll(rt: Runtime, hub: HubClientOptions, orgUnitId: string): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = Number((await getSetting(rt.db, 'hub_accounts_cursor')) ?? 0);
    const page = await pullAccounts(hub, since);
    const ended = await rt.db.transaction().execute(async (trx) => {
      const changed = [];
      for (const account of page.accounts) {
        const done = await applyHubAccount(trx, rt, account, orgUnitId);
        if (done) changed.push(done);
      }
      await putSetting(trx, 'hub_accounts_cursor', String(page.cursor));
      return changed;
    });
    applied += ended.length;
    for (const done of ended) if (done.endSessions) rt.sessions.endAllOf(done.userId);
    if (!page.more) return applied;
  }
}

async function runSync(rt: Runtime, timeoutMs?: number): Promise<AccountSync> {
  const hub = await hubOf(rt, timeoutMs);
  if (!hub || !rt.terminal) return { state: 'standalone', pushed: 0, applied: 0, problem: null };
  const orgUnitId = rt.terminal.orgUnitId;
  let pushed = 0;
  try {
    const stale: string[] = [];
    for (const userId of await accountsToPush(rt.db, orgUnitId)) {
      const outcome = await pushOne(rt, hub, userId);
      if (outcome === 'pushed') pushed += 1;
      if (outcome === 'stale') stale.push(userId);
    }
    const applied = await pullAll(rt, hub, orgUnitId);
    for (const userId of stale) if ((await pushOne(rt, hub, userId)) === 'pushed') pushed += 1;
    return { state: 'done', pushed, applied, problem: null };
  } catch (error) {
    if (error instanceof HubUnreachable)
      return { state: 'unreachable', pushed, applied: 0, problem: UNREACHABLE_MESSAGE };
    if (error instanceof HubRefusal)
      return { state: 'refused', pushed, applied: 0, problem: error.message };
    throw error;
  }
}

const running = new WeakMap<Runtime, Promise<unknown>>();

/**
 * One account cycle of an enrolled terminal: push what changed here (at once when reachable, else
 * kept and pushed by a later cycle), then apply what changed at the unit's other terminals. Runs one
 * at a time per terminal; the sync cycle calls it once a minute, the user methods after a change.
 */
export function syncAccounts(
  rt: Runtime,
  options: { timeoutMs?: number } = {},
): Promise<AccountSync> {
  const previous = running.get(rt) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => runSync(rt, options.timeoutMs));
  running.set(rt, next);
  return next;
}

/** After a change at the counter: pushed at once when the hub answers quickly, else later. */
export async function syncAccountsAfterChange(rt: Runtime): Promise<void> {
  // The change is committed and noted as pending whatever happens here: a failure of this push is
  // met again, and reported, by the next cycle.
  await syncAccounts(rt, { timeoutMs: AT_ONCE_TIMEOUT_MS }).catch(() => undefined);
}

const NEEDS_HUB_MESSAGES = {
  unreachable:
    '本终端已加入县级平台，账号在全县通用，新建账号需要连接县级平台（用户名须在全县唯一）。请检查网络后再试；本机其他业务仍可离线办理',
  revoked:
    '本终端已被县级平台停用，暂不能新建账号（用户名须在全县唯一）。请重新连接县级平台后再新建',
  tokenMissing: '本机保存的县级平台接入凭证已无法读取，暂不能新建账号。请重新连接县级平台后再新建',
} as const;

/**
 * On an enrolled terminal a new account is first reserved at the hub, which keeps usernames unique
 * in the county; offline, creating one is refused in words (the rest of the terminal works on).
 * Returns the hub's version of the account, or null on a standalone terminal.
 */
export async function reserveAccount(
  rt: Runtime,
  orgUnitId: string,
  account: AccountFields,
): Promise<number | null> {
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) return null;
  if (orgUnitId !== rt.terminal?.orgUnitId) {
    throw new DomainError(
      'ACCOUNT_OTHER_UNIT',
      '本终端已加入县级平台：账号属于所在单位、在该单位各终端通用，请在该单位的终端上创建',
      { orgUnitId: '只能为本单位创建账号' },
    );
  }
  if (enrolment.revokedAt) throw new DomainError('ACCOUNTS_NEED_HUB', NEEDS_HUB_MESSAGES.revoked);
  const token = rt.hubTokens.read();
  if (!token) throw new DomainError('ACCOUNTS_NEED_HUB', NEEDS_HUB_MESSAGES.tokenMissing);
  try {
    const accepted = await pushAccount(
      { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion },
      { account, baseVersion: 0 },
    );
    return accepted.version;
  } catch (error) {
    if (error instanceof HubUnreachable)
      throw new DomainError('ACCOUNTS_NEED_HUB', NEEDS_HUB_MESSAGES.unreachable);
    if (error instanceof HubRefusal && error.code === 'ACCOUNT_USERNAME_TAKEN') {
      throw new DomainError('USERNAME_TAKEN', `用户名“${account.username}”在全县已被使用`, {
        username: '该用户名在全县已被使用，请换一个',
      });
    }
    if (error instanceof HubRefusal && error.code === 'TERMINAL_REVOKED')
      throw new DomainError('HUB_TERMINAL_REVOKED', HUB_ERROR_MESSAGES.TERMINAL_REVOKED);
    if (error instanceof HubRefusal) throw new DomainError('HUB_REFUSED', error.message);
    throw error;
  }
}
