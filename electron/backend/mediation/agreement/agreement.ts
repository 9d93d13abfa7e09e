import type { MethodParsedInput } from '@shared/api';
import { missingAgreementFields } from '@shared/domain/mediation/agreement';
import { followUpDueDate } from '@shared/domain/mediation/clocks';
import type { Transaction } from 'kysely';
import type { ChangeStamp } from '../../core/changes';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import type { Database, DisputesTable } from '../../db/schema';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { agreementDraft, type AgreementContent } from './agreement-draft';
import { agreementOf } from './agreement-repository';
import { ensureNotBefore, ensureNotFuture } from '../dispute/dates';
import { partiesOf, type PartyRow } from '../register/parties-repository';
import { teamOf } from '../roster/team-repository';
import { ensureState, nextState } from '../dispute/transition';
import { insertSynced, updateSynced } from '../../core/synced-writes';

type AgreementInput = MethodParsedInput<'mediation.recordAgreement'>['agreement'];

function refuse(field: string, message: string): never {
  throw new DomainError('INVALID_INPUT', message, { [field]: message });
}

/** The agreement as stored: the mediators are the case's team, the parties those on file. */
async function contentOf(
  ctx: CallContext,
  row: DisputesTable,
  parties: readonly PartyRow[],
  input: AgreementInput,
): Promise<AgreementContent> {
  const partyIds = new Set(parties.map((party) => party.id));
  for (const partyId of Object.keys(input.responsibilities)) {
    if (!partyIds.has(partyId)) refuse(`responsibilities.${partyId}`, '责任方不是本案当事人');
  }
  input.obligations.forEach((obligation, index) => {
    if (obligation.obligorPartyId && !partyIds.has(obligation.obligorPartyId)) {
      refuse(`obligations.${index}.obligorPartyId`, '义务人不是本案当事人');
    }
  });
  if (input.agreedOn) {
    ensureNotFuture(ctx, input.agreedOn, 'agreedOn', '协议日期');
    ensureNotBefore(input.agreedOn, row.registered_on, 'agreedOn', '协议日期不能早于登记日期');
  }
  if (input.effectiveOn && input.agreedOn) {
    ensureNotBefore(input.effectiveOn, input.agreedOn, 'effectiveOn', '生效日期不能早于协议日期');
  }
  const team = await teamOf(ctx.rt.db, row.id);
  return {
    form: input.form,
    facts: input.facts,
    disputedMatters: input.disputedMatters,
    responsibilities: input.responsibilities,
    obligations: input.obligations,
    mediators: team.map((member) => member.name),
    agreedOn: input.agreedOn,
  };
}

async function saveAgreement(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  row: DisputesTable,
  content: AgreementContent,
  input: AgreementInput,
  signedOn: string | null,
): Promise<void> {
  const values = {
    form: content.form,
    facts: content.facts,
    disputed_matters: content.disputedMatters,
    responsibilities: JSON.stringify(content.responsibilities),
    obligations: JSON.stringify(content.obligations),
    mediators: JSON.stringify(content.mediators),
    recorder_name: input.recorderName,
    agreed_on: content.agreedOn,
    effective_on: signedOn ? (input.effectiveOn ?? content.agreedOn) : input.effectiveOn,
    signed_on: signedOn,
  };
  const existing = await agreementOf(trx, row.id);
  if (existing) {
    await updateSynced(trx, stamp, 'dispute_agreements', existing, values);
  } else {
    await insertSynced(trx, stamp, 'dispute_agreements', row.org_unit_id, {
      ...values,
      dispute_id: row.id,
      jc_applied: null,
      jc_applied_on: null,
      jc_court: null,
      jc_result: null,
      jc_result_on: null,
      jc_note: null,
    });
  }
}

/** Keeps the agreement while it is written; only its shape and references are checked. */
export async function saveAgreementDraft(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.saveAgreementDraft'>,
) {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, ['accepted', 'mediating'], '起草调解协议');
  const parties = await partiesOf(ctx.rt.db, row.id);
  const content = await contentOf(ctx, row, parties, input.agreement);
  return changeDispute(ctx, row, {
    also: (trx, stamp) => saveAgreement(trx, stamp, row, content, input.agreement, null),
    event: { action: 'agreement_draft', note: '保存调解协议草稿' },
    auditAction: 'mediation.saveAgreementDraft',
  });
}

/** The art. 29 check as the person sees it: every missing field, in paper order, in one message. */
export function ensureComplete(
  caseNo: string,
  parties: readonly PartyRow[],
  content: AgreementContent,
): void {
  const missing = missingAgreementFields(agreementDraft(caseNo, parties, content));
  if (missing.length === 0) return;
  throw new DomainError(
    'AGREEMENT_INCOMPLETE',
    `调解协议尚缺以下内容：${missing.map((field) => field.label).join('；')}`,
    Object.fromEntries(missing.map((field) => [field.path, `请填写${field.label}`])),
  );
}

/** 调解成功: the signed (or oral) agreement, the conclusion, and the follow-up visit it calls for. */
export async function recordAgreement(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.recordAgreement'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'record_success', caller.role);
  const parties = await partiesOf(ctx.rt.db, row.id);
  const content = await contentOf(ctx, row, parties, input.agreement);
  ensureComplete(row.case_no, parties, content);
  const agreedOn = content.agreedOn!;
  const dueOn = followUpDueDate(
    agreedOn,
    content.obligations.flatMap((obligation) => (obligation.deadline ? [obligation.deadline] : [])),
  );
  return changeDispute(ctx, row, {
    set: { state, outcome: 'succeeded', concluded_on: agreedOn },
    also: async (trx, stamp) => {
      await saveAgreement(trx, stamp, row, content, input.agreement, agreedOn);
      await scheduleFollowUp(trx, stamp, row, dueOn);
    },
    event: {
      action: 'record_success',
      fromState: row.state,
      toState: state,
      note: `${content.form === 'written' ? '达成书面调解协议' : '达成口头调解协议'}（${agreedOn}），回访定于${dueOn}前`,
    },
    auditAction: 'mediation.recordAgreement',
  });
}

/** A visit still to be made; recordFollowUp fills it in. */
export async function scheduleFollowUp(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  dispute: Pick<DisputesTable, 'id' | 'org_unit_id'>,
  dueOn: string,
): Promise<void> {
  await insertSynced(trx, stamp, 'dispute_follow_ups', dispute.org_unit_id, {
    dispute_id: dispute.id,
    due_on: dueOn,
    state: 'due',
    visited_on: null,
    method: null,
    visitor_name: null,
    performance: null,
    satisfaction: null,
    renewed_conflict: null,
    note: null,
  });
}
