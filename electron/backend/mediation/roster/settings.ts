import type { MethodOutput, MethodParsedInput } from '@shared/api';
import type { RiskThresholds } from '@shared/domain/mediation/risk-rules';
import { mediationSettingsIdFromOrgUnit } from '@shared/sync/natural-ids';
import { appendAudit } from '../../audit/service';
import { requireUser, stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { effectiveAbbreviation } from '../register/numbering';
import { orgNames } from '../dispute/org';
import { findMediationSettings } from './settings-repository';
import { insertSynced, updateSynced } from '../../core/synced-writes';
import type { Db } from '../../db/queryable';

/** Until the supervisor sets them, the amount and people rules are off (null), as the domain reads it. */
export async function riskThresholdsOf(db: Db, orgUnitId: string): Promise<RiskThresholds> {
  const row = await findMediationSettings(db, orgUnitId);
  return { amountFen: row?.risk_amount_fen ?? null, people: row?.risk_people ?? null };
}

export async function getSettings(
  ctx: CallContext,
): Promise<MethodOutput<'mediation.getSettings'>> {
  const { orgUnitId } = requireUser(ctx.actor);
  const { configured, effective } = await effectiveAbbreviation(ctx.rt.db, orgUnitId);
  return {
    orgUnitId,
    orgUnitName: (await orgNames(ctx.rt.db, [orgUnitId])).get(orgUnitId)?.name ?? '',
    abbreviation: configured,
    effectiveAbbreviation: effective,
    riskThresholds: await riskThresholdsOf(ctx.rt.db, orgUnitId),
  };
}

export async function updateSettings(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.updateSettings'>,
): Promise<MethodOutput<'mediation.updateSettings'>> {
  const { orgUnitId } = requireUser(ctx.actor);
  const stamp = stampOf(ctx);
  const values = {
    abbreviation: input.abbreviation,
    risk_amount_fen: input.riskThresholds.amountFen,
    risk_people: input.riskThresholds.people,
  };
  await ctx.rt.db.transaction().execute(async (trx) => {
    const existing = await findMediationSettings(trx, orgUnitId);
    if (existing) await updateSynced(trx, stamp, 'mediation_settings', existing, values);
    else
      await insertSynced(trx, stamp, 'mediation_settings', orgUnitId, values, {
        id: mediationSettingsIdFromOrgUnit(orgUnitId),
      });
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'mediation.updateSettings',
      objectType: 'org_unit',
      objectId: orgUnitId,
      detail: `案号简称：${input.abbreviation ?? '自动'}；金额预警线：${input.riskThresholds.amountFen === null ? '不设' : `${input.riskThresholds.amountFen / 100}元`}；人数预警线：${input.riskThresholds.people ?? '不设'}`,
    });
  });
  return getSettings(ctx);
}
