import type { MethodParsedInput } from '@shared/api';
import { isIsoDate, shanghaiDate } from '@shared/domain/calendar/plain-date';
import { addWorkingDays } from '@shared/domain/calendar/working-days';
import { openCase, transition } from '@shared/domain/cases/case-workflow';
import { isPowerOfAttorney, missingRequired } from '@shared/domain/cases/checklist';
import { AGENCY_HANDOVER_WORKING_DAYS } from '@shared/domain/cases/deadline';
import { calendarOf } from '../../calendar/service';
import { DomainError } from '../../core/errors';
import { stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { findOrgUnit } from '../../org/repository';
import { actingUser, actionableCase } from '../access';
import { buildChecklist } from '../intake/checklist';
import { acceptanceFields } from '../workflow/clock';
import { thisCounter } from '../intake/numbering';
import { names, withNote } from '../workflow/notes';
import { openNewCase } from '../intake/opening';
import { stateOf } from '../repository';
import { recheckCase } from '../workflow/recheck';
import { enforce } from '../workflow/rules';
import { currentItemVersion, residentInScope } from '../intake/sources';
import { auditCase, moveCase, updateChecklist } from '../writes';

async function agentVillage(ctx: CallContext, orgUnitId: string) {
  const village = await findOrgUnit(ctx.rt.db, orgUnitId);
  if (!village || village.level !== 'village') {
    throw new DomainError('FORBIDDEN', '代办员须隶属于村（社区），请联系管理员调整所属单位');
  }
  return village;
}

function checkAttorneyDate(attorneyDate: string, today: string): void {
  if (!isIsoDate(attorneyDate) || attorneyDate > today) {
    throw new DomainError('INVALID_INPUT', '委托日期无效或晚于今天', {
      attorneyDate: '委托日期无效或晚于今天',
    });
  }
}

/**
 * A village agent files on a resident's behalf. The case stays at the village (代办待移交) until the
 * agent hands it over; the township re-checks the materials when it receives it.
 */
export async function agencyIntake(
  ctx: CallContext,
  input: MethodParsedInput<'cases.agencyIntake'>,
): Promise<string> {
  const user = await actingUser(ctx);
  const state = enforce(openCase('agency', user.role));
  const village = await agentVillage(ctx, user.orgUnitId);
  const resident = await residentInScope(ctx, input.residentId);
  const item = await currentItemVersion(ctx, input.itemId);
  if (!item.agencyAllowed) {
    throw new DomainError(
      'AGENCY_NOT_ALLOWED',
      `事项“${item.name}”不允许村（社区）代办，请申请人到窗口办理`,
    );
  }
  const checklist = buildChecklist(item.materials, input.materials);
  const attorney = checklist.find((row) => isPowerOfAttorney(row.name));
  if (attorney?.status !== 'received') {
    throw new DomainError('POWER_OF_ATTORNEY_REQUIRED', '代办须收取申请人签署的授权委托书');
  }
  const now = ctx.rt.stamper.nowIso();
  const today = shanghaiDate(now);
  checkAttorneyDate(input.attorneyDate, today);
  const counter = await thisCounter(ctx.rt);
  const calendar = await calendarOf(ctx.rt);
  const handoffDue = addWorkingDays(today, AGENCY_HANDOVER_WORKING_DAYS, calendar).value;
  const stamp = stampOf(ctx);
  const missing = missingRequired(checklist);
  const row = await ctx.rt.db.transaction().execute(async (trx) => {
    const created = await openNewCase(trx, stamp, {
      orgUnitId: village.id,
      state,
      today,
      counter,
      item,
      resident,
      checklist,
      columns: {
        channel: 'agency',
        agent_user_id: user.userId,
        agency_org_id: village.id,
        agency_reason: input.reason,
        attorney_date: input.attorneyDate,
        handoff_due_date: handoffDue,
        accepted_at: null,
        accepted_date: null,
        due_date: null,
        reject_reason: null,
        redirect_to: null,
        counter_contact: `${village.name} 代办员 ${user.displayName}`,
      },
      event: {
        action: 'agency_intake',
        note: withNote(
          `代办收件，${handoffDue} 前移交乡镇${missing.length > 0 ? `；尚缺：${names(missing)}` : ''}`,
          input.note,
        ),
        actorName: user.displayName,
      },
    });
    await auditCase(trx, stamp, now, {
      action: 'cases.agencyIntake',
      caseId: created.id,
      detail: `${created.case_no} ${item.name}：${village.name}代办`,
    });
    return created;
  });
  return row.id;
}

/**
 * The township receives a handed-over agency case and checks the materials again: complete → 受理,
 * with the clock starting now; otherwise 待补正 with a one-time notice.
 */
export async function receive(
  ctx: CallContext,
  input: MethodParsedInput<'cases.receive'>,
): Promise<string> {
  const user = await actingUser(ctx);
  const row = await actionableCase(ctx, input.caseId);
  const state = stateOf(row);
  // Refused first as a receipt, whatever the materials: that is what the clerk was doing.
  enforce(transition({ state }, 'receive', user.role));
  const { stored, checklist, missing } = await recheckCase(ctx.rt.db, row.id, input.materials);
  const action = missing.length === 0 ? 'receive' : 'request_supplement';
  const step = enforce(transition({ state }, action, user.role));
  const counter = await thisCounter(ctx.rt);
  const calendar = await calendarOf(ctx.rt);
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const accepted =
    step.to === 'accepted' ? acceptanceFields(now, row.promised_days, calendar) : null;
  const note = accepted
    ? `接收并受理，${accepted.due_date} 前办结`
    : `接收，材料不齐，出具一次性告知单，尚缺：${names(missing)}`;
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateChecklist(trx, stamp, stored, checklist);
    await moveCase(
      trx,
      stamp,
      row,
      step.to,
      { action: step.action, note, actorName: user.displayName },
      {
        ...accepted,
        received_at: now,
        received_date: shanghaiDate(now),
        counter_contact: `${counter.orgName} ${counter.terminalName}`,
      },
    );
    await auditCase(trx, stamp, now, {
      action: 'cases.receive',
      caseId: row.id,
      detail: `${row.case_no}：${note}`,
    });
  });
  return row.id;
}
