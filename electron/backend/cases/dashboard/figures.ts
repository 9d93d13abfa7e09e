import type { MethodOutput } from '@shared/api';
import { addDays, dayOfWeek, shanghaiDate } from '@shared/domain/calendar/plain-date';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { shanghaiDayStartIso } from '../../core/time';
import { orgScope } from '../../org/repository';
import { flowIn, overdueCount, type Span } from './figures-sql';

/** The trend covers this week and the seven before it. */
const TREND_WEEKS = 8;

/** The Beijing days from `from`, `days` of them, as UTC instants. */
function daysFrom(from: string, days: number): Span {
  return { fromIso: shanghaiDayStartIso(from, 0), toIso: shanghaiDayStartIso(from, days) };
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
  const weekStarts = Array.from({ length: TREND_WEEKS }, (_, index) =>
    addDays(monday, -7 * (TREND_WEEKS - 1 - index)),
  );
  const weeks = [];
  for (const weekStart of weekStarts) {
    weeks.push({ weekStart, ...(await flowIn(db, orgIds, daysFrom(weekStart, 7))) });
  }
  return {
    today,
    todayFlow: await flowIn(db, orgIds, daysFrom(today, 1)),
    overdue: await overdueCount(db, orgIds, today),
    weeks,
  };
}
