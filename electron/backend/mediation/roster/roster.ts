import type { MethodParsedInput } from '@shared/api';
import type { Mediator } from '@shared/api/methods/mediation-mediators';
import { parsePhone } from '@shared/domain/contact/phone';
import type { DisputeType } from '@shared/domain/mediation/vocabulary';
import { maskPhone } from '@shared/domain/privacy/masking';
import {
  ACCOUNT_MEDIATOR_BACKGROUND,
  committeeKindOf,
} from '@shared/domain/mediation/roster-entry';
import type { Transaction } from 'kysely';
import { appendAudit } from '../../audit/service';
import type { ChangeStamp } from '../../core/changes';
import type { Database } from '../../db/schema';
import { findOrgUnit } from '../../org/repository';
import { DomainError } from '../../core/errors';
import { ensureInScope, requireUser, stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { findUserRow } from '../../users/repository';
import { orgNames } from '../dispute/org';
import { ensureCode, mediationReference } from '../dispute/reference';
import {
  findMediator,
  mediatorOfAccount,
  mediatorsOf,
  openCaseCounts,
  type MediatorRow,
} from './team-repository';
import { insertSynced, updateSynced } from '../../core/synced-writes';

type MediatorFields = Omit<MethodParsedInput<'mediators.update'>, 'mediatorId'>;

export async function mediatorViews(
  ctx: CallContext,
  rows: readonly MediatorRow[],
): Promise<Mediator[]> {
  const orgs = await orgNames(
    ctx.rt.db,
    rows.map((row) => row.org_unit_id),
  );
  const load = await openCaseCounts(
    ctx.rt.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    gender: row.gender,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    userId: row.user_id,
    orgUnitId: row.org_unit_id,
    orgUnitName: orgs.get(row.org_unit_id)?.name ?? '',
    committeeKind: row.committee_kind,
    background: row.background,
    specialties: JSON.parse(row.specialties) as DisputeType[],
    active: row.active === 1,
    note: row.note,
    openCases: load.get(row.id) ?? 0,
  }));
}

async function view(ctx: CallContext, id: string): Promise<Mediator> {
  const row = await findMediator(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该调解员');
  return (await mediatorViews(ctx, [row]))[0]!;
}

/** A roster entry the caller may edit: of its unit or a unit below. */
async function editable(ctx: CallContext, id: string): Promise<MediatorRow> {
  const row = await findMediator(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该调解员');
  await ensureInScope(ctx, row.org_unit_id);
  return row;
}

async function columns(ctx: CallContext, fields: MediatorFields, stored: MediatorRow | null) {
  const reference = await mediationReference(ctx.rt);
  ensureCode(reference.committeeKinds, fields.committeeKind, 'committeeKind', '调委会类型');
  ensureCode(reference.mediatorBackgrounds, fields.background, 'background', '调解员背景');
  const typed = fields.phone === undefined ? (stored?.phone ?? null) : fields.phone;
  let phone: string | null = null;
  if (typed) {
    const parsed = parsePhone(typed);
    if (!parsed.ok) {
      throw new DomainError('INVALID_INPUT', parsed.error.message, { phone: parsed.error.message });
    }
    phone = parsed.value.number;
  }
  if (fields.userId && !(await findUserRow(ctx.rt.db, fields.userId))) {
    throw new DomainError('INVALID_INPUT', '找不到关联的用户账号', { userId: '找不到该用户' });
  }
  const linked = fields.userId ? await mediatorOfAccount(ctx.rt.db, fields.userId) : undefined;
  if (linked && linked.id !== stored?.id) {
    throw new DomainError('ALREADY_ON_ROSTER', `该账号已在名册上（${linked.name}）`, {
      userId: '该账号已在名册上',
    });
  }
  return {
    name: fields.name,
    gender: fields.gender,
    phone,
    user_id: fields.userId,
    committee_kind: fields.committeeKind,
    background: fields.background,
    specialties: JSON.stringify([...new Set(fields.specialties)]),
    note: fields.note,
  };
}

export async function listMediators(
  ctx: CallContext,
  input: MethodParsedInput<'mediators.list'>,
): Promise<Mediator[]> {
  const orgUnitId = input.orgUnitId ?? requireUser(ctx.actor).orgUnitId;
  await ensureInScope(ctx, orgUnitId);
  return mediatorViews(ctx, await mediatorsOf(ctx.rt.db, [orgUnitId], input.includeInactive));
}

export async function createMediator(
  ctx: CallContext,
  input: MethodParsedInput<'mediators.create'>,
): Promise<Mediator> {
  const orgUnitId = input.orgUnitId ?? requireUser(ctx.actor).orgUnitId;
  await ensureInScope(ctx, orgUnitId);
  const values = await columns(ctx, input, null);
  const stamp = stampOf(ctx);
  const id = await ctx.rt.db.transaction().execute(async (trx) => {
    const id = await insertSynced(trx, stamp, 'mediators', orgUnitId, { ...values, active: 1 });
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'mediators.create',
      objectType: 'mediator',
      objectId: id,
      detail: input.name,
    });
    return id;
  });
  return view(ctx, id);
}

export async function updateMediator(
  ctx: CallContext,
  input: MethodParsedInput<'mediators.update'>,
): Promise<Mediator> {
  const row = await editable(ctx, input.mediatorId);
  const values = await columns(ctx, input, row);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'mediators', row, values);
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'mediators.update',
      objectType: 'mediator',
      objectId: row.id,
      detail: input.name,
    });
  });
  return view(ctx, row.id);
}

export async function setMediatorActive(
  ctx: CallContext,
  input: MethodParsedInput<'mediators.setActive'>,
): Promise<Mediator> {
  const row = await editable(ctx, input.mediatorId);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'mediators', row, { active: input.active ? 1 : 0 });
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: input.active ? 'mediators.activate' : 'mediators.deactivate',
      objectType: 'mediator',
      objectId: row.id,
      detail: row.name,
    });
  });
  return view(ctx, row.id);
}

/**
 * Puts a new 调解员 account on its unit's roster, in the transaction that creates the account, so
 * that the person can be assigned and record sessions from the first day.
 */
export async function addAccountToRoster(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  account: { userId: string; displayName: string; orgUnitId: string },
): Promise<string> {
  const unit = await findOrgUnit(trx, account.orgUnitId);
  const id = await insertSynced(trx, stamp, 'mediators', account.orgUnitId, {
    name: account.displayName,
    gender: null,
    phone: null,
    user_id: account.userId,
    committee_kind: committeeKindOf(unit?.level ?? 'township'),
    background: ACCOUNT_MEDIATOR_BACKGROUND,
    specialties: '[]',
    note: null,
    active: 1,
  });
  await appendAudit(trx, stamp.stamper.nowIso(), stamp.actor, stamp.terminal.terminalId, {
    action: 'mediators.create',
    objectType: 'mediator',
    objectId: id,
    detail: `${account.displayName}（随账号加入名册）`,
  });
  return id;
}
