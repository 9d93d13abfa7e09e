import type { MethodOutput } from '@shared/api';
import { addDays, dayOfWeek, shanghaiDate } from '@shared/domain/calendar/plain-date';
import { requireUser } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { shanghaiDayStartIso } from '../core/time';
import { orgScope } from '../org/repository';
import { flowCounts, overdueCount, type Buckets } from './queries-figures';

/** The trend covers this week and the seven before it. */
export const TREND_WEEKS = 8;

function days(from: string, days: number, count: number): Buckets {
  return {
    fromIso: shanghaiDayStartIso(from, 0),
    toIso: shanghaiDayStartIso(from, days * count),
    days,
    count,
  };
}

/** Today's counts and the weekly trend of the units the supervisor oversees. */
export async function dashboardFigures(
  ctx: CallContext,
): Promise<MethodOutput<'cases.dashboardFigures'>> {
  const user = requireUser(ctx.actor);
  const { db } = ctx.rt;
  const orgIds = await orgScope(db, user.orgUnitId);
  const today = shanghaiDate(ctx.rt.stamper.clock.now());
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  const firstWeek = addDays(monday, -7 * (TREND_WEEKS - 1));
  const [day, weeks, overdue] = await Promise.all([
    flowCounts(db, orgIds, days(today, 1, 1)),
    flowCounts(db, orgIds, days(firstWeek, 7, TREND_WEEKS)),
    overdueCount(db, orgIds, today),
  ]);
  return {
    today,
    todayFlow: {
      takenIn: day.takenIn[0]!,
      completed: day.completed[0]!,
      ratings: day.ratings[0]!,
      badRatings: day.badRatings[0]!,
    },
    overdue,
    weeks: weeks.takenIn.map((takenIn, week) => ({
      weekStart: addDays(firstWeek, 7 * week),
      takenIn,
      completed: weeks.completed[week]!,
      ratings: weeks.ratings[week]!,
      badRatings: weeks.badRatings[week]!,
    })),
  };
}
