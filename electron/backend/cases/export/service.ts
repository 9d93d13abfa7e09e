import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { appendAudit } from '../../audit/service';
import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { countCases, exportCaseRows } from '../list/repository';
import { caseScope, filterOf, todayOf } from '../list/service';
import { workbookBase64 } from '../../core/workbook';
import { caseListFileName, caseListWorkbook, EXPORT_ROW_CAP } from './export-workbook';

/** The list as filtered on screen, every page, as a workbook; audited because it carries names. */
export async function exportCases(
  ctx: CallContext,
  input: MethodParsedInput<'cases.exportExcel'>,
): Promise<MethodOutput<'cases.exportExcel'>> {
  const user = requireUser(ctx.actor);
  const scope = await caseScope(ctx);
  const today = todayOf(ctx);
  const filter = filterOf(input, today);
  const sort = { by: input.sortBy, dir: input.sortDir };
  const [rows, { total }] = await Promise.all([
    exportCaseRows(ctx.rt.db, filter, scope, sort, EXPORT_ROW_CAP),
    countCases(ctx.rt.db, filter, scope, null),
  ]);
  const nowIso = ctx.rt.stamper.nowIso();
  const file = {
    fileName: caseListFileName(nowIso),
    base64: await workbookBase64(caseListWorkbook(rows, total, today)),
  };
  // In a transaction of its own: the hash chain reads the last entry and appends after it.
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, nowIso, ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'cases.export',
      objectType: 'org_unit',
      objectId: user.orgUnitId,
      detail: `导出案件清单 ${rows.length} 条${total > rows.length ? `（共 ${total} 条）` : ''}`,
    }),
  );
  return file;
}
