import type { MethodParsedInput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { openCase } from '@shared/domain/cases/case-workflow';
import { checkOutcome, missingRequired } from '@shared/domain/cases/checklist';
import { asClause } from '@shared/domain/paper/wording';
import { calendarOf } from '../../calendar/service';
import { DomainError } from '../../core/errors';
import { stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { actingUser } from '../access';
import { buildChecklist, type ChecklistRow } from './checklist';
import { acceptanceFields } from '../workflow/clock';
import { thisCounter } from './numbering';
import { openNewCase } from './opening';
import { names, stateLabel, withNote } from '../workflow/notes';
import { enforce } from '../workflow/rules';
import { currentItemVersion, residentInScope, type ItemVersion } from './sources';
import { addEvent, auditCase, moveCase, updateCase } from '../writes';

type IntakeInput = MethodParsedInput<'cases.intake'>;

function checkRefusal(input: IntakeInput): void {
  if (input.outcome !== 'not_ours') return;
  const fields: Record<string, string> = {};
  if (!input.rejectReason) fields.rejectReason = '请填写不予受理的理由';
  if (!input.redirectTo && !input.ineligible) fields.redirectTo = '请告知应到何处办理';
  if (Object.keys(fields).length > 0) {
    throw new DomainError(
      'REJECT_REASON_REQUIRED',
      input.ineligible
        ? '不予受理须写明理由'
        : '不予受理须写明理由，并告知申请人应到何处办理；申请人不符合条件的，请勾选“申请人不符合办理条件”',
      fields,
    );
  }
}

function checkOnSpot(input: IntakeInput, item: ItemVersion): void {
  if (!input.completeOnSpot) return;
  if (input.outcome !== 'complete' || item.type !== 'instant') {
    throw new DomainError('INVALID_INPUT', '只有材料齐全的即办件才能当场办结', {
      completeOnSpot: '只有材料齐全的即办件才能当场办结',
    });
  }
}

function openingNote(
  input: IntakeInput,
  item: ItemVersion,
  checklist: ChecklistRow[],
  due: string | null,
) {
  if (input.outcome === 'complete') {
    return item.type === 'instant'
      ? '受理（即办件）'
      : `受理，承诺 ${item.promisedDays} 个工作日，${due} 前办结`;
  }
  if (input.outcome === 'incomplete') {
    return `出具一次性告知单，尚缺：${names(missingRequired(checklist))}`;
  }
  const reason = asClause(input.rejectReason ?? '');
  return input.ineligible
    ? `不予受理：${reason}（申请人不符合办理条件）`
    : `不予受理：${reason}；请到${asClause(input.redirectTo ?? '')}办理`;
}

/** The three outcomes at the window, each in one transaction with its timeline, audit and outbox. */
export async function intake(ctx: CallContext, input: IntakeInput): Promise<string> {
  const user = await actingUser(ctx);
  const state = enforce(openCase(input.outcome, user.role));
  const resident = await residentInScope(ctx, input.residentId);
  const item = await currentItemVersion(ctx, input.itemId);
  const checklist = buildChecklist(item.materials, input.materials);
  enforce(checkOutcome(input.outcome, checklist));
  checkRefusal(input);
  checkOnSpot(input, item);
  const counter = await thisCounter(ctx.rt);
  const calendar = await calendarOf(ctx.rt);
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const accepted = state === 'accepted' ? acceptanceFields(now, item.promisedDays, calendar) : null;
  const row = await ctx.rt.db.transaction().execute(async (trx) => {
    let created = await openNewCase(trx, stamp, {
      orgUnitId: user.orgUnitId,
      state,
      today: shanghaiDate(now),
      counter,
      item,
      resident,
      checklist,
      columns: {
        channel: 'counter',
        agent_user_id: null,
        agency_org_id: null,
        agency_reason: null,
        attorney_date: null,
        handoff_due_date: null,
        accepted_at: accepted?.accepted_at ?? null,
        accepted_date: accepted?.accepted_date ?? null,
        due_date: accepted?.due_date ?? null,
        reject_reason: input.outcome === 'not_ours' ? input.rejectReason : null,
        // No place to go is no place: the notice reads it from the empty column.
        redirect_to: input.outcome === 'not_ours' && !input.ineligible ? input.redirectTo : null,
        counter_contact: `${counter.orgName} ${counter.terminalName}`,
      },
      event: {
        action: 'intake',
        note: withNote(openingNote(input, item, checklist, accepted?.due_date ?? null), input.note),
        actorName: user.displayName,
      },
    });
    if (input.completeOnSpot) {
      created = await moveCase(
        trx,
        stamp,
        created,
        'completed',
        { action: 'complete', note: '即办件当场办结', actorName: user.displayName },
        { completed_at: now, completed_date: shanghaiDate(now), handler_id: user.userId },
      );
      // Done at the window with the resident still there: the result goes with them, so the case
      // never waits under 待领取或送达.
      created = await updateCase(trx, stamp, created, { handed_out_at: now });
      await addEvent(trx, stamp, created, {
        action: 'hand_out',
        from: 'completed',
        to: 'completed',
        note: '已在窗口将结果当场交给申请人',
        actorName: user.displayName,
      });
    }
    await auditCase(trx, stamp, now, {
      action: 'cases.intake',
      caseId: created.id,
      detail: `${created.case_no} ${item.name}：${stateLabel(created)}`,
    });
    return created;
  });
  return row.id;
}
