import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { holidayCalendarSchema } from '@shared/domain/calendar/working-days';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { requireTerminal } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { findOrgUnit } from '../org/repository';
import { getSetting } from '../settings/service';
import { listCalendarYears, putCalendarYear } from './repository';

const NOT_A_CALENDAR =
  '文件不是节假日安排：应为 JSON 文件，格式同软件自带的 holidays.json（{"years": {"2027": {"holidays": [...], "workdays": [...]}}}）';

/** The file's years, checked as the shipped file is: every date in its own year, none twice. */
function parsedYears(base64: string) {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw new DomainError('CALENDAR_FILE_INVALID', NOT_A_CALENDAR);
  }
  const parsed = holidayCalendarSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new DomainError(
      'CALENDAR_FILE_INVALID',
      issue?.code === 'custom' ? issue.message : `${NOT_A_CALENDAR}。有误之处：${where}`,
    );
  }
  if (Object.keys(parsed.data.years).length === 0)
    throw new DomainError('CALENDAR_FILE_INVALID', '文件中没有任何年度的节假日安排');
  return parsed.data.years;
}

/**
 * calendar.importYears: at the county centre, before it publishes them to the county; at a terminal
 * not joined to a hub, for itself. A township or village joined to the hub takes the county's
 * editions instead, so that every counter of the county counts working days alike.
 */
export async function importCalendarYears(
  ctx: CallContext,
  input: MethodParsedInput<'calendar.importYears'>,
): Promise<MethodOutput<'calendar.importYears'>> {
  const { rt } = ctx;
  const terminal = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, terminal.orgUnitId);
  if ((await getSetting(rt.db, 'hub_url')) && own?.level !== 'county') {
    throw new DomainError(
      'CALENDAR_FROM_COUNTY',
      '本终端已加入县级平台，节假日安排由县级中心统一发布。请在“县级平台”页点“立即同步”取得最新版本',
    );
  }
  const years = parsedYears(input.base64);
  const loadedAt = rt.stamper.nowIso();
  const result = await rt.db.transaction().execute(async (trx) => {
    const before = new Map((await listCalendarYears(trx)).map((row) => [row.year, row]));
    let added = 0;
    let changed = 0;
    for (const [year, { holidays, workdays }] of Object.entries(years)) {
      const row = {
        year: Number(year),
        holidays: JSON.stringify(holidays),
        workdays: JSON.stringify(workdays),
        source: 'import',
        loaded_at: loadedAt,
      };
      const old = before.get(row.year);
      if (old && old.holidays === row.holidays && old.workdays === row.workdays) continue;
      if (old) changed += 1;
      else added += 1;
      await putCalendarYear(trx, row);
    }
    const list = Object.keys(years)
      .map(Number)
      .sort((a, b) => a - b);
    await appendAudit(trx, loadedAt, ctx.actor, terminal.terminalId, {
      action: 'calendar.importYears',
      objectType: 'calendar',
      objectId: list.join(','),
      detail: `从文件 ${input.fileName} 载入 ${list.join('、')} 年节假日安排（新增 ${added} 年、更新 ${changed} 年）`,
    });
    return { years: list, added, changed };
  });
  rt.calendar.invalidate();
  return result;
}
