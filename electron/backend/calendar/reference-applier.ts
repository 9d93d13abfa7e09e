import type { ReferenceApplier } from '../hub/applier-context';
import { listCalendarYears, putCalendarYear } from './repository';

/**
 * The county's holiday calendar edition: each year it lists replaces this terminal's schedule of that
 * year (the State Council's notice is the whole year); years it does not list are kept, so that an
 * edition of the coming year does not erase the past ones a deadline was counted on. The runtime's
 * calendar is dropped only after the commit, so no request reads a schedule that may roll back.
 */
export const applyCalendarEdition: ReferenceApplier<'calendar'> = async (trx, edition, context) => {
  const stored = new Map((await listCalendarYears(trx)).map((row) => [row.year, row]));
  let added = 0;
  let changed = 0;
  const years = Object.entries(edition.payload.years);
  for (const [year, { holidays, workdays }] of years) {
    const row = {
      year: Number(year),
      holidays: JSON.stringify(holidays),
      workdays: JSON.stringify(workdays),
      source: 'hub',
      loaded_at: context.nowIso,
    };
    const before = stored.get(row.year);
    if (before && before.holidays === row.holidays && before.workdays === row.workdays) continue;
    if (before) changed += 1;
    else added += 1;
    await putCalendarYear(trx, row);
  }
  if (added + changed > 0) context.afterCommit(() => context.caches.calendar.invalidate());
  return `节假日安排 ${years.length} 年（新增 ${added}、更新 ${changed}）`;
};
