import { hostname } from 'node:os';
import type { Transaction } from 'kysely';
import type { Backup, MethodOutput, MethodParsedInput } from '@shared/api';
import type { EnrolResponse, OrgTreeEdition } from '@shared/sync/hub-contract';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import { DomainError } from '../core/errors';
import { requireTerminal, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced, updateSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import { findOrgUnit } from '../org/repository';
import { enrol, latestOrgTree } from './client';
import { hubDomainError } from './errors';
import { pullReference } from './reference-client';
import { applyRematch, registerRematchText } from './rematch/apply';
import { planRematch, shippedCatalogueCodes, type RematchPlan } from './rematch/plan';
import { writeEnrolment } from './repository';
import { checkedCode, hubStatus } from './service';

interface Rejoin {
  hubUrl: string;
  enrolled: EnrolResponse;
  orgTree: OrgTreeEdition | null;
  /** The codes of the county's latest catalogue edition, null when it has published none. */
  countyItemCodes: ReadonlySet<string> | null;
  /** Taken before the code was spent, when this terminal's ids were not natural yet. */
  backup: Backup | null;
  joinedAt: string;
}

/**
 * Units of the county's tree that this terminal lacks, with the hub's ids; units it has keep their
 * ids (matching a standalone terminal's own ids to the county's and re-pointing its records is a
 * step of its own, with a backup first).
 */
async function addMissingUnits(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  tree: OrgTreeEdition,
): Promise<number> {
  const rows = await trx.selectFrom('org_units').select(['id', 'code']).execute();
  const idOfCode = new Map(rows.map((row) => [row.code, row.id]));
  const codeOfHubId = new Map(tree.units.map((unit) => [unit.id, unit.code]));
  let added = 0;
  for (const unit of [...tree.units].sort((a, b) => a.code.length - b.code.length)) {
    if (idOfCode.has(unit.code)) continue;
    const parentCode = unit.parentId ? codeOfHubId.get(unit.parentId) : undefined;
    const parentId = parentCode ? (idOfCode.get(parentCode) ?? null) : null;
    await insertSynced(
      trx,
      stamp,
      'org_units',
      unit.id,
      { code: unit.code, name: unit.name, level: unit.level, parent_id: parentId },
      { id: unit.id },
    );
    idOfCode.set(unit.code, unit.id);
    added += 1;
  }
  return added;
}

/** 单位 12 个、事项 45 项…: what the step changed, for the person and the audit log. */
function rematchSummary(plan: RematchPlan): string {
  const { orgUnit, serviceItem, serviceItemVersion, mediationSettings } = plan.counts;
  return [
    orgUnit > 0 ? `单位 ${orgUnit} 个` : null,
    serviceItem > 0 ? `事项 ${serviceItem} 项` : null,
    serviceItemVersion > 0 ? `事项版本 ${serviceItemVersion} 个` : null,
    mediationSettings > 0 ? `调解设置 ${mediationSettings} 条` : null,
  ]
    .filter(Boolean)
    .join('、');
}

/**
 * The re-matching of a terminal set up standalone before the hub: its units, items, versions and
 * mediation settings take the ids every terminal of the county derives from their natural keys,
 * and every record pointing at them follows, inside the caller's transaction. Case and dispute
 * numbers are text of their own and never change. Answers the sentence for the person, or null
 * when every id was natural already.
 */
async function rematch(
  ctx: CallContext,
  trx: Transaction<Database>,
  input: Rejoin,
  ownCode: string,
): Promise<string | null> {
  const { rt } = ctx;
  const plan = await planRematch(trx, {
    countyCode: input.enrolled.countyCode,
    ownCode,
    countyItemCodes: input.countyItemCodes ?? shippedCatalogueCodes(),
  });
  if (plan.ids.size === 0) return null;
  // Records written between the check before enrolment and now: the backup would not hold them.
  if (!input.backup)
    throw new DomainError(
      'HUB_REMATCH_FAILED',
      '本机数据在连接过程中有变动，未连接县级平台，本机数据未作改动。请向县级中心管理员索取新的加入码后重新连接',
    );
  registerRematchText(rt.sqlite, plan.ids);
  const rewritten = await applyRematch(trx, plan.ids);
  const summary = rematchSummary(plan);
  await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, requireTerminal(rt).terminalId, {
    action: 'hub.rematch',
    objectType: 'backup',
    objectId: input.backup.name,
    detail: `按县级平台统一编码整理本机数据：${summary}，改写引用 ${rewritten} 处；整理前备份 ${input.backup.name}`,
  });
  return `已按县级平台统一编码整理本机数据：${summary}，整理前已备份到 ${input.backup.name}`;
}

/**
 * 重新连接 of a terminal already in use: a revoked one, one whose token was lost, or a standalone one
 * joining its county. Its unit stays; the hub's terminal number replaces the one typed at setup for
 * the case numbers to come (those already issued keep theirs). A standalone terminal's own ids are
 * matched to the county's in the same transaction (see rematch); the tree's renames and retirements,
 * and the edition's record, are the sync cycle's that runs right after.
 */
export async function rejoin(ctx: CallContext, input: Rejoin): Promise<string | null> {
  const { rt } = ctx;
  const identity = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, identity.orgUnitId);
  const unit = input.enrolled.orgUnit;
  if (!own || own.code !== unit.code) {
    throw new DomainError(
      'HUB_UNIT_MISMATCH',
      `该加入码是为${unit.name}（${unit.code}）签发的，本终端属于${own?.name ?? '其他单位'}（${own?.code ?? '—'}），未连接。请向县级中心管理员索取本单位的加入码，并请其停用刚才登记的 ${input.enrolled.terminalNumber} 号终端`,
    );
  }
  const stamp = stampOf(ctx);
  // Before the settings: a token without settings is never used, settings without a token are.
  rt.hubTokens.write(input.enrolled.token);
  let ownId = identity.orgUnitId;
  const rematched = await rt.db.transaction().execute(async (trx) => {
    const notice = await rematch(ctx, trx, input, own.code);
    ownId = (
      await trx
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', own.code)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
    const terminal = await trx
      .selectFrom('terminals')
      .select(['id', 'version', 'number'])
      .where('id', '=', identity.terminalId)
      .executeTakeFirstOrThrow();
    // The stamp names the unit the rows now belong to.
    const current = { ...stamp, terminal: { ...stamp.terminal, orgUnitId: ownId } };
    if (terminal.number !== input.enrolled.terminalNumber)
      await updateSynced(trx, current, 'terminals', terminal, {
        number: input.enrolled.terminalNumber,
      });
    const added = input.orgTree ? await addMissingUnits(trx, current, input.orgTree) : 0;
    await writeEnrolment(trx, {
      hubUrl: input.hubUrl,
      hubName: input.enrolled.hubName,
      terminalId: input.enrolled.terminalId,
      terminalNumber: input.enrolled.terminalNumber,
      orgUnit: { code: unit.code, name: unit.name, level: unit.level },
      countyCode: input.enrolled.countyCode,
      joinedAt: input.joinedAt,
      lastContactAt: input.joinedAt,
      revokedAt: null,
    });
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, identity.terminalId, {
      action: 'hub.join',
      objectType: 'terminal',
      objectId: identity.terminalId,
      detail: `连接县级平台 ${input.enrolled.hubName}（${input.hubUrl}），终端编号 ${terminal.number}→${input.enrolled.terminalNumber}${added > 0 ? `，新增单位 ${added} 个` : ''}`,
    });
    return notice;
  });
  rt.terminal = { ...identity, orgUnitId: ownId };
  return rematched;
}

/**
 * Before the code is spent: the backup the re-matching needs, when this terminal's ids are not
 * natural yet (the shipped catalogue stands in for the county's here; which issuer an item gets
 * does not change whether it needs one). A failed backup refuses the whole reconnection.
 */
async function backupBeforeRematch(ctx: CallContext): Promise<Backup | null> {
  const { rt } = ctx;
  const own = await findOrgUnit(rt.db, requireTerminal(rt).orgUnitId);
  if (!own) return null;
  const plan = await planRematch(rt.db, {
    countyCode: own.code.slice(0, 6),
    ownCode: own.code,
    countyItemCodes: shippedCatalogueCodes(),
  });
  if (plan.ids.size === 0) return null;
  try {
    return await rt.backups.run('pre-rematch', rt.stamper.nowIso());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      'HUB_REMATCH_BACKUP_FAILED',
      `连接县级平台要先按全县统一编码整理本机数据，整理前的备份未完成（${why}）。未连接县级平台，本机数据未作改动，加入码仍可使用`,
    );
  }
}

/** hub.reconnect: a terminal in use joins (again), its ids matched to the county's if need be. */
export async function reconnect(
  ctx: CallContext,
  input: MethodParsedInput<'hub.reconnect'>,
): Promise<MethodOutput<'hub.reconnect'>> {
  const { rt } = ctx;
  const code = checkedCode(input.code);
  const backup = await backupBeforeRematch(ctx);
  const client = { baseUrl: input.hubUrl, appVersion: rt.appVersion };
  let enrolled;
  let orgTree: OrgTreeEdition | null;
  let countyItemCodes: Set<string> | null;
  try {
    enrolled = await enrol(client, { code, appVersion: rt.appVersion, hostname: hostname() });
    const asTerminal = { ...client, token: enrolled.token };
    orgTree = await latestOrgTree(asTerminal);
    const catalogue = await pullReference(asTerminal, 'catalogue');
    countyItemCodes = catalogue ? new Set(catalogue.payload.items.map((item) => item.code)) : null;
  } catch (error) {
    throw hubDomainError(error);
  }
  const rematched = await rejoin(ctx, {
    hubUrl: input.hubUrl,
    enrolled,
    orgTree,
    countyItemCodes,
    backup,
    joinedAt: rt.stamper.nowIso(),
  });
  return { ...(await hubStatus(rt, false)), rematched };
}
