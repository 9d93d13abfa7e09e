import { hostname } from 'node:os';
import {
  EDITION_KINDS,
  type HubEdition,
  type HubStatus,
  type HubSyncResult,
  type MethodOutput,
  type MethodParsedInput,
} from '@shared/api';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@shared/domain/password';
import { parentDivisionCode } from '@shared/domain/division-code';
import {
  HUB_ERROR_MESSAGES,
  enrolmentCodeSchema,
  type OrgTreeEdition,
} from '@shared/sync/hub-contract';
import { REFERENCE_KIND_LABELS } from '@shared/sync/reference-contract';
import { DomainError } from '../core/errors';
import type { CallContext, Runtime } from '../core/runtime';
import { checkedCounterPhone } from '../settings/service';
import { setUpTerminal, type SetupOrgNode } from '../setup/service';
import { enrol, HubRefusal, HubUnreachable, latestOrgTree, terminalSelf } from './client';
import { hubDomainError, TOKEN_MISSING_MESSAGE, UNREACHABLE_MESSAGE } from './errors';
import { readAppliedEditions, recordAppliedEdition } from './editions';
import { recordAccountInStep } from './accounts-state';
import { syncAccounts } from './accounts-sync';
import { reserveFirstAdmin } from './first-admin';
import {
  clearPendingEnrolment,
  readEnrolment,
  readLastSync,
  readPendingEnrolment,
  recordContact,
  recordRevoked,
  writeEnrolment,
  writePendingEnrolment,
  type Enrolment,
} from './repository';

/** For the domains that own reference data: the county centre publishes it, each kind applies it. */
export { countyLink, relay } from './county-admin';
export { HubRefusal } from './client';
export { publishReference } from './reference-client';
export { heldEdition, recordAppliedEdition } from './editions';
// What other domains use of the account sync: their changes are noted and pushed, new accounts reserved.
export { markAccountChanged, recordAccountInStep } from './accounts-state';
export { reserveAccount, syncAccounts, syncAccountsAfterChange } from './accounts-sync';
export { readEnrolment } from './repository';
// Attachment files: attachments/hub-files.ts moves them; their state is kept here for the pusher too.
export { HubUnreachable, type HubClientOptions } from './client';
export { blobStatus, getBlob, putBlobChunk } from './blob-client';
export {
  filesNotOnHub,
  filesToUpload,
  isOnHub,
  markOnHub,
  queueHandOffFiles,
  queuedFetches,
  recordFileError,
  unqueueFetch,
} from './blob-state';

function standalone(): HubStatus {
  return {
    state: 'standalone',
    hubUrl: null,
    hubName: null,
    terminalId: null,
    terminalNumber: null,
    orgUnit: null,
    joinedAt: null,
    lastContactAt: null,
    orgTreeEdition: null,
    problem: null,
    editions: [],
    lastSyncAt: null,
    lastSyncProblem: null,
  };
}

/** Every kind, applied or not, in the order a cycle applies them. */
async function editionsOf(rt: Runtime): Promise<HubEdition[]> {
  const applied = await readAppliedEditions(rt.db);
  return EDITION_KINDS.map((kind) => {
    const edition = applied.get(kind);
    return {
      kind,
      label: REFERENCE_KIND_LABELS[kind],
      edition: edition?.edition ?? null,
      publishedAt: edition?.publishedAt ?? null,
      appliedAt: edition?.appliedAt || null,
      summary: edition?.summary ?? null,
    };
  });
}

async function statusOf(
  rt: Runtime,
  enrolment: Enrolment,
  problem: string | null = null,
): Promise<HubStatus> {
  const lastSync = await readLastSync(rt.db);
  const base = {
    hubUrl: enrolment.hubUrl,
    hubName: enrolment.hubName,
    terminalId: enrolment.terminalId,
    terminalNumber: enrolment.terminalNumber,
    orgUnit: enrolment.orgUnit,
    joinedAt: enrolment.joinedAt,
    lastContactAt: enrolment.lastContactAt,
    orgTreeEdition: enrolment.orgTreeEdition,
    editions: await editionsOf(rt),
    lastSyncAt: lastSync.at,
    lastSyncProblem: lastSync.problem,
  };
  if (enrolment.revokedAt)
    return { ...base, state: 'revoked', problem: HUB_ERROR_MESSAGES.TERMINAL_REVOKED };
  if (!rt.hubTokens.read())
    return { ...base, state: 'tokenMissing', problem: TOKEN_MISSING_MESSAGE };
  return { ...base, state: 'connected', problem };
}

/**
 * Asks the hub how it sees this terminal: a contact refreshes 最近联系, a revocation is recorded so
 * that every screen can say so while the terminal goes on working offline.
 */
async function checkWithHub(rt: Runtime, enrolment: Enrolment): Promise<HubStatus> {
  try {
    await terminalSelf({
      baseUrl: enrolment.hubUrl,
      token: rt.hubTokens.read(),
      appVersion: rt.appVersion,
    });
    await recordContact(rt.db, rt.stamper.nowIso());
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'TERMINAL_REVOKED') {
      await recordRevoked(rt.db, rt.stamper.nowIso());
    } else if (error instanceof HubRefusal) {
      return statusOf(rt, enrolment, error.message);
    } else if (error instanceof HubUnreachable) {
      return statusOf(rt, enrolment, UNREACHABLE_MESSAGE);
    } else {
      throw error;
    }
  }
  return statusOf(rt, (await readEnrolment(rt.db)) ?? enrolment);
}

export async function pendingJoin(rt: Runtime): Promise<HubStatus> {
  if (rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
  const pending = await readPendingEnrolment(rt.db);
  if (!pending) return standalone();
  const { code, name, level } = pending.orgUnit;
  return {
    state: 'pending',
    hubUrl: pending.hubUrl,
    hubName: pending.hubName,
    terminalId: pending.terminalId,
    terminalNumber: pending.terminalNumber,
    orgUnit: { code, name, level },
    joinedAt: pending.joinedAt,
    lastContactAt: pending.joinedAt,
    orgTreeEdition: pending.orgTree?.edition ?? null,
    problem: null,
    editions: [],
    lastSyncAt: null,
    lastSyncProblem: null,
  };
}

export async function hubStatus(rt: Runtime, refresh: boolean): Promise<HubStatus> {
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) return standalone();
  const known = await statusOf(rt, enrolment);
  return refresh && known.state === 'connected' ? checkWithHub(rt, enrolment) : known;
}

/** The code as the hub reads it; a typo in its shape is told at once, without a round trip. */
export function checkedCode(text: string): string {
  const parsed = enrolmentCodeSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? '加入码不正确，请核对后重新输入';
  throw new DomainError('HUB_CODE_REJECTED', message, { code: message });
}

/** hub.join from the wizard, on an empty database: held as pending until the administrator is created. */
export async function join(
  ctx: CallContext,
  input: MethodParsedInput<'hub.join'>,
): Promise<HubStatus> {
  const { rt } = ctx;
  const code = checkedCode(input.code);
  const client = { baseUrl: input.hubUrl, appVersion: rt.appVersion };
  let enrolled;
  let orgTree: OrgTreeEdition | null;
  try {
    enrolled = await enrol(client, { code, appVersion: rt.appVersion, hostname: hostname() });
    orgTree = await latestOrgTree({ ...client, token: enrolled.token });
  } catch (error) {
    throw hubDomainError(error);
  }
  const joinedAt = rt.stamper.nowIso();
  rt.hubTokens.write(enrolled.token);
  await writePendingEnrolment(rt.db, {
    hubUrl: input.hubUrl,
    hubName: enrolled.hubName,
    terminalId: enrolled.terminalId,
    terminalNumber: enrolled.terminalNumber,
    orgUnit: enrolled.orgUnit,
    countyCode: enrolled.countyCode,
    joinedAt,
    orgTree,
  });
  return pendingJoin(rt);
}

/**
 * The org units to create: the county's tree when it has published one, else the terminal's own
 * unit alone. Ids are the hub's (derived from the division code), so every terminal agrees.
 */
function unitsToCreate(
  own: NonNullable<Awaited<ReturnType<typeof readPendingEnrolment>>>['orgUnit'],
  tree: OrgTreeEdition | null,
): SetupOrgNode[] {
  const units = tree?.units ?? [];
  const codeOf = new Map(units.map((unit) => [unit.id, unit.code]));
  const nodes: SetupOrgNode[] = units.map((unit) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentCode: unit.parentId ? (codeOf.get(unit.parentId) ?? null) : null,
  }));
  if (!nodes.some((node) => node.code === own.code)) {
    const parentCode = parentDivisionCode(own.code);
    nodes.push({
      id: own.id,
      code: own.code,
      name: own.name,
      level: own.level,
      parentCode: parentCode && nodes.some((node) => node.code === parentCode) ? parentCode : null,
    });
  }
  return nodes;
}

export async function completeSetup(
  ctx: CallContext,
  input: MethodParsedInput<'hub.completeSetup'>,
): Promise<MethodOutput<'hub.completeSetup'>> {
  const { rt } = ctx;
  if (rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
  const pending = await readPendingEnrolment(rt.db);
  if (!pending) throw new DomainError('HUB_NOT_JOINED', '请先加入县级平台');
  const problem = checkPassword(input.admin.password, input.admin.username);
  if (problem) {
    const message = PASSWORD_PROBLEM_MESSAGES[problem];
    throw new DomainError('WEAK_PASSWORD', message, { 'admin.password': message });
  }
  const counterPhone = checkedCounterPhone(input.counterPhone);
  const own = pending.orgUnit;
  const reserved = await reserveFirstAdmin(rt, pending, input.admin);
  const done = await setUpTerminal(ctx, {
    nodes: unitsToCreate(own, pending.orgTree),
    divisionCode: own.code,
    terminalId: pending.terminalId,
    terminalName: input.terminalName,
    terminalNumber: pending.terminalNumber,
    counterPhone,
    admin: input.admin,
    adminAccount: reserved,
    audit: {
      action: 'hub.completeSetup',
      detail: `加入县级平台 ${pending.hubName}（${pending.hubUrl}）：${own.name}（${own.code}），终端 ${pending.terminalNumber} ${input.terminalName}${pending.orgTree ? `，组织机构第 ${pending.orgTree.edition} 版` : ''}`,
    },
    alsoWrite: async (trx) => {
      await writeEnrolment(trx, {
        hubUrl: pending.hubUrl,
        hubName: pending.hubName,
        terminalId: pending.terminalId,
        terminalNumber: pending.terminalNumber,
        orgUnit: { code: own.code, name: own.name, level: own.level },
        countyCode: pending.countyCode,
        joinedAt: pending.joinedAt,
        lastContactAt: pending.joinedAt,
        revokedAt: null,
      });
      if (pending.orgTree)
        await recordAppliedEdition(trx, {
          kind: 'orgTree',
          edition: pending.orgTree.edition,
          publishedAt: pending.orgTree.publishedAt,
          appliedAt: rt.stamper.nowIso(),
          summary: `加入县级平台时建立：单位 ${pending.orgTree.units.length} 个`,
        });
      await clearPendingEnrolment(trx);
      if (reserved) await recordAccountInStep(trx, reserved.id, reserved.hubVersion);
    },
  });
  // The unit's other accounts, so that its staff sign in at this window at once.
  await syncAccounts(rt);
  return done;
}

/** 立即同步: refused where no cycle can run, so the person is told why instead of a silent no-op. */
export async function syncNow(rt: Runtime): Promise<HubSyncResult> {
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) throw new DomainError('HUB_NOT_JOINED', '本终端尚未加入县级平台');
  if (enrolment.revokedAt)
    throw new DomainError('HUB_TERMINAL_REVOKED', HUB_ERROR_MESSAGES.TERMINAL_REVOKED);
  if (!rt.hubTokens.read()) throw new DomainError('HUB_NOT_JOINED', TOKEN_MISSING_MESSAGE);
  return rt.hubSync.run();
}
