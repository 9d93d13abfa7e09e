import type { HubEnrolmentCode, HubTerminalRow } from '@shared/api';
import { HUB_ERROR_MESSAGES, type HubTerminal } from '@shared/sync/hub-contract';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { ensureInScope, requireTerminal } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { findOrgUnit } from '../org/repository';
import {
  HubRefusal,
  issueEnrolmentCode,
  listTerminals,
  revokeTerminal,
  type HubClientOptions,
} from './client';
import { hubDomainError } from './errors';
import { readEnrolment, recordContact, recordRevoked, type Enrolment } from './repository';

export interface CountyLink {
  enrolment: Enrolment;
  client: HubClientOptions;
}

/** Only the county centre manages the county's terminals, and only while the hub knows it. */
export async function countyLink(ctx: CallContext): Promise<CountyLink> {
  const { rt } = ctx;
  const own = await findOrgUnit(rt.db, requireTerminal(rt).orgUnitId);
  if (own?.level !== 'county')
    throw new DomainError('HUB_COUNTY_ONLY', '只有县级中心的终端可以管理县级平台的终端');
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) throw new DomainError('HUB_NOT_JOINED', '本终端尚未加入县级平台');
  if (enrolment.revokedAt)
    throw new DomainError('HUB_TERMINAL_REVOKED', HUB_ERROR_MESSAGES.TERMINAL_REVOKED);
  const token = rt.hubTokens.read();
  if (!token)
    throw new DomainError(
      'HUB_NOT_JOINED',
      '本机保存的县级平台接入凭证已无法读取，请在“县级平台”页重新连接',
    );
  return { enrolment, client: { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion } };
}

/** One call to the hub; its answer also tells when the hub last heard from this terminal. */
export async function relay<T>(ctx: CallContext, call: () => Promise<T>): Promise<T> {
  const { rt } = ctx;
  try {
    const value = await call();
    await recordContact(rt.db, rt.stamper.nowIso());
    return value;
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'TERMINAL_REVOKED')
      await recordRevoked(rt.db, rt.stamper.nowIso());
    throw hubDomainError(error);
  }
}

function toRow(terminal: HubTerminal, self: Enrolment): HubTerminalRow {
  return {
    terminalId: terminal.terminalId,
    terminalNumber: terminal.terminalNumber,
    orgUnit: {
      code: terminal.orgUnit.code,
      name: terminal.orgUnit.name,
      level: terminal.orgUnit.level,
    },
    appVersion: terminal.appVersion,
    hostname: terminal.hostname,
    enrolledAt: terminal.enrolledAt,
    lastContactAt: terminal.lastContactAt,
    revokedAt: terminal.revokedAt,
    clockAhead: terminal.clockAhead ?? null,
    isSelf: terminal.terminalId === self.terminalId,
  };
}

async function audit(ctx: CallContext, action: string, objectId: string, detail: string) {
  const { rt } = ctx;
  await rt.db.transaction().execute((trx) =>
    appendAudit(trx, rt.stamper.nowIso(), ctx.actor, rt.terminal?.terminalId ?? null, {
      action,
      objectType: 'terminal',
      objectId,
      detail,
    }),
  );
}

export async function issueCode(ctx: CallContext, orgUnitId: string): Promise<HubEnrolmentCode> {
  const link = await countyLink(ctx);
  await ensureInScope(ctx, orgUnitId);
  const unit = await findOrgUnit(ctx.rt.db, orgUnitId);
  if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
  const issued = await relay(ctx, () => issueEnrolmentCode(link.client, unit.code));
  // The code itself stays out of the audit log: it is a credential until it is used or expires.
  await audit(
    ctx,
    'hub.issueCode',
    orgUnitId,
    `为${issued.orgUnit.name}（${issued.orgUnit.code}）签发终端加入码，有效至 ${issued.expiresAt}`,
  );
  return {
    code: issued.code,
    expiresAt: issued.expiresAt,
    orgUnit: { code: issued.orgUnit.code, name: issued.orgUnit.name, level: issued.orgUnit.level },
  };
}

export async function terminalsOfCounty(ctx: CallContext): Promise<HubTerminalRow[]> {
  const link = await countyLink(ctx);
  const { terminals } = await relay(ctx, () => listTerminals(link.client));
  return terminals.map((terminal) => toRow(terminal, link.enrolment));
}

export async function revoke(ctx: CallContext, terminalId: string): Promise<HubTerminalRow> {
  const link = await countyLink(ctx);
  if (terminalId === link.enrolment.terminalId)
    throw new DomainError('HUB_REFUSED', HUB_ERROR_MESSAGES.CANNOT_REVOKE_SELF);
  const { terminal } = await relay(ctx, () => revokeTerminal(link.client, terminalId));
  await audit(
    ctx,
    'hub.revokeTerminal',
    terminalId,
    `停用${terminal.orgUnit.name}（${terminal.orgUnit.code}）的 ${terminal.terminalNumber} 号终端`,
  );
  return toRow(terminal, link.enrolment);
}
