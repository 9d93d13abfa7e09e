import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { targetDueDate } from '@shared/domain/mediation/clocks';
import { RISK_LEVEL_LABELS } from '@shared/domain/mediation/vocabulary';
import { stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { callerOf, loadDispute } from '../dispute/access';
import { actorName } from '../dispute/actor';
import { changeDispute } from '../dispute/change';
import { ensureNotFuture, today } from '../dispute/dates';
import { disputeDetail } from '../dispute/detail';
import { disputeRowid, findDisputeRow } from '../list/disputes-repository';
import { reportMajorRisk } from '../escalation/major-risk';
import { issueCaseNumber } from './numbering';
import { partyNamesOf, partyValues, type PartyValues } from './party-input';
import { ensureCode, mediationReference } from '../dispute/reference';
import { indexDispute } from '../list/search-index';
import { EDITABLE_STATES, ensureState, nextState } from '../dispute/transition';
import { insertSynced } from '../../core/synced-writes';
import { logDisputeChange } from '../dispute/timeline';

/** What a dispute has none of until it is concluded, performed and closed: its register row starts so. */
export const NOT_YET_CONCLUDED = {
  outcome: null,
  concluded_on: null,
  failure_reason: null,
  routes_told: null,
  termination_reason: null,
  reject_reason: null,
  performed_on: null,
  judicial_confirmed_on: null,
  closed_on: null,
} as const;

type DisputeFields = Omit<MethodParsedInput<'mediation.update'>, 'disputeId'>;

async function checkFields(ctx: CallContext, fields: DisputeFields): Promise<void> {
  if (fields.transferOrigin) {
    ensureCode(
      (await mediationReference(ctx.rt)).transferOrigins,
      fields.transferOrigin,
      'transferOrigin',
      '移送单位',
    );
  }
  if (fields.occurredOn) ensureNotFuture(ctx, fields.occurredOn, 'occurredOn', '纠纷发生日期');
}

function fieldColumns(fields: DisputeFields) {
  return {
    type: fields.type,
    source: fields.source,
    transfer_origin: fields.transferOrigin,
    summary: fields.summary,
    occurred_on: fields.occurredOn,
    place: fields.place,
    amount_fen: fields.amountFen,
    people_involved: fields.peopleInvolved,
    risk_level: fields.riskLevel,
  };
}

/** 登记 (and by default 受理) with the parties, a case number, the search index and, for 重大, the report. */
export async function registerDispute(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.register'>,
): Promise<MethodOutput<'mediation.register'>> {
  const caller = await callerOf(ctx);
  const on = today(ctx);
  await checkFields(ctx, input);
  const parties: PartyValues[] = [];
  for (const [index, party] of input.parties.entries()) {
    parties.push(await partyValues(ctx.rt.db, party, on, `parties.${index}`));
  }
  const state = input.acceptNow ? nextState('registered', 'accept', caller.role) : 'registered';
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  const { id, report } = await ctx.rt.db.transaction().execute(async (trx) => {
    const number = await issueCaseNumber(trx, stamp.terminal, caller.orgUnitId, on);
    const accepted = state === 'accepted';
    const id = await insertSynced(trx, stamp, 'disputes', caller.orgUnitId, {
      case_no: number.caseNo,
      official_no: null,
      registered_org_id: caller.orgUnitId,
      case_year: number.year,
      case_terminal: number.terminalNumber,
      case_seq: number.sequence,
      state,
      ...fieldColumns(input),
      party_names: partyNamesOf(parties),
      registered_on: on,
      accepted_on: accepted ? on : null,
      clock_start_on: accepted ? on : null,
      due_date: accepted ? targetDueDate(on) : null,
      ...NOT_YET_CONCLUDED,
    });
    for (const [position, party] of parties.entries()) {
      await insertSynced(trx, stamp, 'dispute_parties', caller.orgUnitId, {
        ...party,
        dispute_id: id,
        position,
        notice_acknowledged_on: null,
        notice_method: null,
      });
    }
    const row = await findDisputeRow(trx, id);
    await indexDispute(trx, {
      rowid: await disputeRowid(trx, id),
      caseNo: row.case_no,
      partyNames: row.party_names,
    });
    await logDisputeChange(
      trx,
      stamp,
      row,
      name,
      { action: 'register', toState: state, note: accepted ? '登记并受理' : '登记' },
      'mediation.register',
    );
    const report =
      input.riskLevel === 'major' ? await reportMajorRisk(trx, stamp, row, name) : null;
    return { id, report };
  });
  return { dispute: await disputeDetail(ctx, id), immediateReport: report };
}

/** Corrects the registration; raising the risk to 重大 files the report as registration would. */
export async function updateDispute(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.update'>,
) {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, EDITABLE_STATES, '修改登记信息');
  await checkFields(ctx, input);
  const raised = input.riskLevel === 'major' && row.risk_level !== 'major';
  const name = await actorName(ctx);
  return changeDispute(ctx, row, {
    set: fieldColumns(input),
    also: async (trx, stamp) => {
      if (raised) await reportMajorRisk(trx, stamp, await findDisputeRow(trx, row.id), name);
    },
    event: {
      action: 'update',
      note:
        row.risk_level === input.riskLevel
          ? '修改登记信息'
          : `风险等级 ${RISK_LEVEL_LABELS[row.risk_level]} → ${RISK_LEVEL_LABELS[input.riskLevel]}`,
    },
    auditAction: 'mediation.update',
  });
}
