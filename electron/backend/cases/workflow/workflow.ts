import type { MethodParsedInput } from '@shared/api';
import type { Updateable } from 'kysely';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { transition, type CaseState, type Transition } from '@shared/domain/cases/case-workflow';
import { calendarOf } from '../../calendar/service';
import { DomainError } from '../../core/errors';
import { stampOf } from '../../core/guards';
import { ensureUnchanged } from '../../core/synced-writes';
import type { CallContext } from '../../core/runtime';
import type { CasesTable } from '../../db/schema';
import { findOrgUnit } from '../../org/repository';
import { actingUser, actionableCase } from '../access';
import { acceptanceFields, resumeFields } from './clock';
import { names, stateLabel, withNote } from './notes';
import { stateOf, type CaseRow } from '../repository';
import { recheckCase } from './recheck';
import { enforce } from './rules';
import { addEvent, auditCase, moveCase, updateCase, updateChecklist } from '../writes';

type TransitionInput = MethodParsedInput<'cases.transition'>;

function requireNote(input: TransitionInput): void {
  if (input.note) return;
  if (input.action === 'return') {
    throw new DomainError('RETURN_REASON_REQUIRED', '退回须写明原因', { note: '请填写退回原因' });
  }
  if (input.action === 'reject') {
    throw new DomainError('REJECT_REASON_REQUIRED', '不予受理须写明理由', {
      note: '请填写不予受理的理由',
    });
  }
}

/** The township that receives a village's agency cases: the village's parent unit. */
async function receivingTownship(ctx: CallContext, row: CaseRow) {
  const village = row.agency_org_id ? await findOrgUnit(ctx.rt.db, row.agency_org_id) : undefined;
  const township = village?.parent_id ? await findOrgUnit(ctx.rt.db, village.parent_id) : undefined;
  if (!township || township.level !== 'township') {
    throw new DomainError('CONFLICT', '找不到该村（社区）所属的乡镇（街道），无法移交');
  }
  return township;
}

/** What each action writes beside the state, and what the timeline says about it. */
async function effects(
  ctx: CallContext,
  row: CaseRow,
  step: Transition,
  input: TransitionInput,
  now: string,
): Promise<{ patch: Updateable<CasesTable>; note: string | null }> {
  const today = shanghaiDate(now);
  const userId = ctx.actor.userId;
  switch (step.action) {
    case 'start':
      return { patch: { handler_id: userId }, note: input.note };
    case 'complete':
      return {
        patch: {
          completed_at: now,
          completed_date: today,
          result_note: input.resultNote,
          handler_id: row.handler_id ?? userId,
        },
        note: withNote('办结', input.resultNote ?? input.note),
      };
    case 'return':
      return { patch: { result_note: input.note }, note: input.note };
    case 'reject':
      return { patch: { reject_reason: input.note }, note: input.note };
    case 'request_supplement':
      // An accepted case stops its clock; one still at receipt has no clock yet.
      return {
        patch: row.accepted_at ? { paused_since: now } : { received_at: now, received_date: today },
        note: withNote('要求补正，办理时限暂停计算', input.note),
      };
    case 'hand_over': {
      const township = await receivingTownship(ctx, row);
      const late = row.handoff_due_date !== null && today > row.handoff_due_date;
      const base = late
        ? `移交${township.name}（逾期，应于 ${row.handoff_due_date} 前移交）`
        : `移交${township.name}`;
      return {
        patch: { org_unit_id: township.id, handed_over_at: now },
        note: withNote(base, input.note),
      };
    }
    default:
      return { patch: {}, note: input.note };
  }
}

/** The actions that need no checklist: start, complete, return, reject, withdraw, 补正 request, hand-over. */
export async function applyTransition(ctx: CallContext, input: TransitionInput): Promise<string> {
  const user = await actingUser(ctx);
  const row = await actionableCase(ctx, input.caseId);
  const step = enforce(transition({ state: stateOf(row) }, input.action, user.role));
  requireNote(input);
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const { patch, note } = await effects(ctx, row, step, input, now);
  await ctx.rt.db.transaction().execute(async (trx) => {
    const moved = await moveCase(
      trx,
      stamp,
      row,
      step.to,
      { action: step.action, note, actorName: user.displayName },
      patch,
    );
    await auditCase(trx, stamp, now, {
      action: `cases.${step.action}`,
      caseId: row.id,
      detail: `${row.case_no}：${stateLabel(row)} → ${stateLabel(moved)}${note ? `，${note}` : ''}`,
    });
  });
  return row.id;
}

/**
 * The resident returns with what was missing. Complete → 受理: the clock starts now, or, for a case
 * that had been accepted and was sent back for 补正, resumes with the waiting days added. Still
 * incomplete → it keeps waiting, and the timeline notes what arrived.
 */
export async function supplement(
  ctx: CallContext,
  input: MethodParsedInput<'cases.supplement'>,
): Promise<string> {
  const user = await actingUser(ctx);
  const row = await actionableCase(ctx, input.caseId);
  const step = enforce(transition({ state: stateOf(row) }, 'supplement', user.role));
  const { stored, before, checklist, missing } = await recheckCase(
    ctx.rt.db,
    row.id,
    input.materials,
  );
  const arrived = checklist.filter(
    (entry, index) => entry.status === 'received' && before[index]?.status !== 'received',
  );
  const calendar = await calendarOf(ctx.rt);
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateChecklist(trx, stamp, stored, checklist);
    let note: string;
    if (missing.length > 0) {
      // The case stays as it is, but the step was decided on it as read before the transaction.
      await ensureUnchanged(trx, 'cases', row);
      note = withNote(
        `补交：${arrived.length > 0 ? names(arrived) : '无'}；仍缺：${names(missing)}`,
        input.note,
      );
      await addEvent(trx, stamp, row, {
        action: 'supplement_partial',
        from: step.from,
        to: step.from,
        note,
        actorName: user.displayName,
      });
    } else {
      const resumed = row.paused_since !== null;
      const clock = resumed
        ? resumeFields(row, now, calendar)
        : acceptanceFields(now, row.promised_days, calendar);
      note = withNote(
        resumed
          ? `补正齐全，继续办理；等待补正期间不计入时限，办结期限为 ${clock.due_date}`
          : `补正齐全，受理，承诺 ${row.promised_days} 个工作日，${clock.due_date} 前办结`,
        input.note,
      );
      await moveCase(
        trx,
        stamp,
        row,
        step.to,
        { action: step.action, note, actorName: user.displayName },
        clock,
      );
    }
    await auditCase(trx, stamp, now, {
      action: 'cases.supplement',
      caseId: row.id,
      detail: `${row.case_no}：${note}`,
    });
  });
  return row.id;
}

const HANDED_OUT_STATES: readonly CaseState[] = ['completed', 'rejected', 'returned'];

/** The result (or the refusal, or the returned materials) reached the resident. */
export async function handOut(
  ctx: CallContext,
  input: MethodParsedInput<'cases.handOut'>,
): Promise<string> {
  const user = await actingUser(ctx);
  const row = await actionableCase(ctx, input.caseId);
  const state = stateOf(row);
  if (!HANDED_OUT_STATES.includes(state)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `案件当前为「${stateLabel(row)}」，尚无结果可以送达`,
    );
  }
  if (row.handed_out_at) {
    throw new DomainError('ILLEGAL_TRANSITION', '该案件的结果已送达，无需重复登记');
  }
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const base = user.role === 'agent' ? '代办员已将结果交还申请人' : '已在窗口将结果交给申请人';
  const note = withNote(base, input.note);
  await ctx.rt.db.transaction().execute(async (trx) => {
    const updated = await updateCase(trx, stamp, row, { handed_out_at: now });
    await addEvent(trx, stamp, updated, {
      action: 'hand_out',
      from: state,
      to: state,
      note,
      actorName: user.displayName,
    });
    await auditCase(trx, stamp, now, {
      action: 'cases.handOut',
      caseId: row.id,
      detail: `${row.case_no}：${note}`,
    });
  });
  return row.id;
}
