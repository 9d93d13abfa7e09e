import type { Followup, MethodParsedInput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import { deadlineStatus } from '@shared/domain/cases/deadline';
import {
  followUpDueDate,
  isBadRating,
  RATEABLE_STATES,
  RATINGS,
  ratingLevelSchema,
  type RatingLevel,
} from '@shared/domain/cases/rating';
import { appendAudit } from '../audit/service';
import { calendarOf } from '../calendar/service';
import { stateOf, visibleCase } from '../cases/service';
import { DomainError } from '../core/errors';
import { requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced, updateSynced } from '../core/synced-writes';
import { orgScope } from '../org/repository';
import { findFollowup, listFollowups, ratingOfCase, type FollowupRow } from './repository';

function toFollowup(row: FollowupRow, today: string, calendar: HolidayCalendar): Followup {
  const open = row.state === 'open';
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    level: ratingLevelSchema.parse(row.level),
    comment: row.comment,
    ratedAt: row.rated_at,
    dueDate: row.due_date,
    state: row.state,
    overdue: open && today > row.due_date,
    workingDaysLeft: open
      ? deadlineStatus(row.due_date, today, calendar).value.workingDaysLeft
      : null,
    callbackAt: row.callback_at,
    callbackBy: row.callback_by_name,
    callbackNote: row.callback_note,
    rectification: row.rectification,
  };
}

/**
 * The resident's rating, entered on the view the clerk turns toward them. A bad one opens a
 * follow-up for the supervisor, due 15 working days later.
 */
export async function submitRating(
  ctx: CallContext,
  input: MethodParsedInput<'ratings.submit'>,
): Promise<{ bad: boolean; followupId: string | null }> {
  const row = await visibleCase(ctx, input.caseId);
  if (!RATEABLE_STATES.includes(stateOf(row))) {
    throw new DomainError('RATING_NOT_AVAILABLE', '受理或办结之后才能评价');
  }
  if (await ratingOfCase(ctx.rt.db, row.id)) {
    throw new DomainError('RATING_EXISTS', '该次办事已评价，每次办事只能评价一次');
  }
  const level: RatingLevel = input.level;
  const bad = isBadRating(level);
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const calendar = await calendarOf(ctx.rt);
  const followupId = await ctx.rt.db.transaction().execute(async (trx) => {
    const ratingId = await insertSynced(trx, stamp, 'ratings', row.org_unit_id, {
      case_id: row.id,
      level,
      comment: input.comment,
      rated_at: now,
      bad: bad ? 1 : 0,
    });
    const followup = bad
      ? await insertSynced(trx, stamp, 'rating_followups', row.org_unit_id, {
          rating_id: ratingId,
          case_id: row.id,
          due_date: followUpDueDate(shanghaiDate(now), calendar).value,
          state: 'open',
          callback_at: null,
          callback_by: null,
          callback_note: null,
          rectification: null,
        })
      : null;
    await appendAudit(trx, now, ctx.actor, stamp.terminal.terminalId, {
      action: 'ratings.submit',
      objectType: 'case',
      objectId: row.id,
      detail: `${row.case_no}：${RATINGS[level].label}（群众在评价屏自行录入）${bad ? '，已生成差评回访' : ''}`,
    });
    return followup;
  });
  return { bad, followupId };
}

export async function followups(
  ctx: CallContext,
  input: MethodParsedInput<'ratings.followups'>,
): Promise<{ rows: Followup[]; total: number }> {
  const user = requireUser(ctx.actor);
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  const today = shanghaiDate(ctx.rt.stamper.nowIso());
  const calendar = await calendarOf(ctx.rt);
  const { rows, total } = await listFollowups(
    ctx.rt.db,
    scope,
    input.state,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return { rows: rows.map((row) => toFollowup(row, today, calendar)), total };
}

/** The supervisor called the resident back: what was said and what was put right closes it. */
export async function recordCallback(
  ctx: CallContext,
  input: MethodParsedInput<'ratings.recordCallback'>,
): Promise<Followup> {
  const user = requireUser(ctx.actor);
  const row = await findFollowup(ctx.rt.db, input.followupId);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该回访');
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  if (!scope.includes(row.org_unit_id)) {
    throw new DomainError('FORBIDDEN', '该回访不在您的管理范围内');
  }
  if (row.state === 'done') throw new DomainError('CONFLICT', '该回访已记录，无需重复登记');
  const stamp = stampOf(ctx);
  const now = ctx.rt.stamper.nowIso();
  const calendar = await calendarOf(ctx.rt);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await updateSynced(trx, stamp, 'rating_followups', row, {
      state: 'done',
      callback_at: now,
      callback_by: user.userId,
      callback_note: input.callbackNote,
      rectification: input.rectification,
    });
    await appendAudit(trx, now, ctx.actor, stamp.terminal.terminalId, {
      action: 'ratings.recordCallback',
      objectType: 'rating_followup',
      objectId: row.id,
      detail: `${row.case_no}：已回访${shanghaiDate(now) > row.due_date ? '（逾期）' : ''}`,
    });
  });
  const updated = await findFollowup(ctx.rt.db, row.id);
  if (!updated) throw new DomainError('NOT_FOUND', '找不到该回访');
  return toFollowup(updated, shanghaiDate(now), calendar);
}
