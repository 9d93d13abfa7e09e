import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { checkExtension } from '@shared/domain/mediation/clocks';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { ensureNotBefore, ensureNotFuture, today } from '../dispute/dates';
import { clockOf } from '../dispute/detail';
import { partiesOf } from '../register/parties-repository';
import { extensionsOf, sessionsOf } from './sessions-repository';
import { ensureAvailable } from '../roster/team';
import { ensureState, nextState } from '../dispute/transition';
import { insertSynced } from '../../core/synced-writes';

/** 调解记录. The first session of an accepted case starts the mediation (已受理 → 调解中). */
export async function recordSession(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.recordSession'>,
) {
  const { row, caller } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, ['accepted', 'mediating'], '记录调解');
  const state =
    row.state === 'accepted' ? nextState(row.state, 'start_mediation', caller.role) : row.state;
  ensureNotFuture(ctx, input.heldOn, 'heldOn', '调解日期');
  ensureNotBefore(input.heldOn, row.registered_on, 'heldOn', '调解日期不能早于登记日期');
  const mediatorIds = [...new Set(input.mediatorIds)];
  const names = await ensureAvailable(ctx, mediatorIds, row.org_unit_id);
  const partyIds = new Set((await partiesOf(ctx.rt.db, row.id)).map((party) => party.id));
  input.statements.forEach((statement, index) => {
    if (!partyIds.has(statement.partyId)) {
      throw new DomainError('INVALID_INPUT', '陈述人不是本案当事人', {
        [`statements.${index}.partyId`]: '请选择本案当事人',
      });
    }
  });
  const sessions = await sessionsOf(ctx.rt.db, row.id);
  const number = sessions.length === 0 ? 1 : Math.max(...sessions.map((s) => s.number)) + 1;
  const moved = state !== row.state;
  return changeDispute(ctx, row, {
    set: moved ? { state } : {},
    also: async (trx, stamp) => {
      await insertSynced(trx, stamp, 'mediation_sessions', row.org_unit_id, {
        dispute_id: row.id,
        number,
        held_on: input.heldOn,
        place: input.place,
        mediators: JSON.stringify(
          mediatorIds.map((mediatorId, i) => ({ mediatorId, name: names[i] })),
        ),
        recorder_name: input.recorderName,
        attendees: JSON.stringify(input.attendees),
        statements: JSON.stringify(input.statements),
        agreed: input.agreed ? 1 : 0,
        result: input.result,
      });
    },
    event: {
      action: 'session',
      fromState: moved ? row.state : null,
      toState: moved ? state : null,
      note: `第${number}次调解（${input.heldOn}），${input.agreed ? '达成一致' : '未达成一致'}`,
    },
    auditAction: 'mediation.recordSession',
  });
}

/** Extends the one-month target with every party's consent; answers the clock before and after. */
export async function extendDeadline(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.extendDeadline'>,
): Promise<MethodOutput<'mediation.extendDeadline'>> {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, ['accepted', 'mediating'], '延长调解期限');
  const on = today(ctx);
  const before = clockOf(row, await extensionsOf(ctx.rt.db, row.id), on)!;
  const parties = await partiesOf(ctx.rt.db, row.id);
  const problem = checkExtension(
    before.dueDate,
    parties.map((party) => party.id),
    { newDueDate: input.newDueDate, consentingPartyIds: input.consentingPartyIds, recordedOn: on },
  );
  if (problem?.code === 'EXTENSION_CONSENT_MISSING') {
    const missing = parties
      .filter((party) => problem.missingPartyIds.includes(party.id))
      .map((party) => party.name)
      .join('、');
    const message = `${problem.message}：${missing}`;
    throw new DomainError(problem.code, message, { consentingPartyIds: message });
  }
  if (problem)
    throw new DomainError(problem.code, problem.message, { newDueDate: problem.message });
  const dispute = await changeDispute(ctx, row, {
    set: { due_date: input.newDueDate },
    also: async (trx, stamp) => {
      await insertSynced(trx, stamp, 'dispute_extensions', row.org_unit_id, {
        dispute_id: row.id,
        previous_due_date: before.dueDate,
        new_due_date: input.newDueDate,
        recorded_on: on,
        reason: input.reason,
        consenting_party_ids: JSON.stringify(input.consentingPartyIds),
      });
    },
    event: {
      action: 'extend',
      note: `调解期限 ${before.dueDate} 延至 ${input.newDueDate}：${input.reason}`,
    },
    auditAction: 'mediation.extendDeadline',
  });
  return { dispute, before, after: dispute.clock! };
}
