import type { CounterStats, MethodParsedInput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { RATING_LEVELS, type RatingLevel } from '@shared/domain/cases/rating';
import { DomainError } from '../core/errors';
import { requireUser } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { shanghaiDayStartIso } from '../core/time';
import { orgScope } from '../org/repository';
import * as stats from './repository';

type CounterInput = MethodParsedInput<'stats.counter'>;

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function toCounts(row: stats.CountsRow): CounterStats['totals'] {
  return {
    takenIn: row.taken_in,
    accepted: row.accepted,
    completed: row.completed,
    completedOnTime: row.completed_on_time,
    overdue: row.overdue,
    supplement: row.supplement,
    rejected: row.rejected,
    onTimeRate: rate(row.completed_on_time, row.completed),
  };
}

/** The caller's units and below, for the cases taken in from `from` to `to` (Asia/Shanghai). */
export async function counterStats(ctx: CallContext, input: CounterInput): Promise<CounterStats> {
  const user = requireUser(ctx.actor);
  if (input.from > input.to) {
    throw new DomainError('INVALID_INPUT', '开始日期不能晚于结束日期', {
      to: '结束日期不能早于开始日期',
    });
  }
  const { db } = ctx.rt;
  const range: stats.StatsRange = {
    orgIds: await orgScope(db, user.orgUnitId),
    fromIso: shanghaiDayStartIso(input.from, 0),
    toIso: shanghaiDayStartIso(input.to, 1),
    today: shanghaiDate(ctx.rt.stamper.clock.now()),
    itemId: input.itemId,
  };
  const [totals, byItem, byPeriod, agency, levels, followups] = await Promise.all([
    stats.totals(db, range),
    stats.countsByItem(db, range),
    stats.countsByPeriod(db, range, input.period),
    stats.agencyByVillage(db, range),
    stats.ratingLevels(db, range),
    stats.badRatingFollowups(db, range),
  ]);
  const perLevel = new Map(levels.map((row) => [row.level as RatingLevel, row.count]));
  return {
    totals: toCounts(totals),
    byItem: byItem.map((row) => ({
      itemId: row.item_id,
      itemName: row.item_name,
      ...toCounts(row),
    })),
    byPeriod: byPeriod.map((row) => ({ period: row.period, ...toCounts(row) })),
    agencyByVillage: agency.map((row) => ({
      orgUnitId: row.org_unit_id,
      villageName: row.village_name,
      cases: row.cases,
      handedOverLate: row.handed_over_late,
    })),
    ratings: RATING_LEVELS.map((level) => ({ level, count: perLevel.get(level) ?? 0 })),
    badRatings: followups.bad,
    followupsDone: followups.done,
    followupRate: rate(followups.done, followups.bad),
  };
}

/** The name an export filtered to one item is headed with; refused when there is no such item. */
export async function filteredItemName(ctx: CallContext, itemId: string): Promise<string> {
  const name = await stats.itemName(ctx.rt.db, itemId);
  if (name === null) throw new DomainError('NOT_FOUND', '找不到该事项');
  return name;
}
