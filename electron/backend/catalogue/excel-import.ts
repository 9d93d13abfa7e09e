import type { MethodOutput } from '@shared/api';
import { appendAudit } from '../audit/service';
import { requireTerminal, requireUser, stampOf } from '../core/guards';
import { DomainError } from '../core/errors';
import type { CallContext } from '../core/runtime';
import { orgScope } from '../org/repository';
import { readCatalogueWorkbook, type ImportProblem } from './excel-read';
import { catalogueAuthority, isCountyIssuer, terminalIssuers } from './issuer';
import { createItem, reviseItem, setItemActive } from './item-writes';
import { findItem, findItemByCode } from './repository';

type ImportResult = MethodOutput<'catalogue.importExcel'>;

/**
 * Creates or versions every valid item of the workbook in one transaction: a file that fails halfway
 * changes nothing. Items are matched by code; an unchanged item writes nothing.
 */
export async function importCatalogue(ctx: CallContext, base64: string): Promise<ImportResult> {
  const terminal = requireTerminal(ctx.rt);
  const scope = new Set(await orgScope(ctx.rt.db, requireUser(ctx.actor).orgUnitId));
  if (!scope.has(terminal.orgUnitId)) {
    throw new DomainError('FORBIDDEN', '事项目录由便民服务中心维护，您所在单位不能导入');
  }
  const issuers = await terminalIssuers(ctx.rt.db, terminal.orgUnitId);
  const mayChange = await catalogueAuthority(ctx.rt.db, issuers);
  const { items, problems } = await readCatalogueWorkbook(base64);
  const stamp = stampOf(ctx);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const skipped: ImportProblem[] = [];
  await ctx.rt.db.transaction().execute(async (trx) => {
    for (const { row, fields: read, active, aliasesGiven } of items) {
      const existing = await findItemByCode(trx, read.code);
      // A file from before the 别名 column keeps the aliases the catalogue has.
      const fields =
        aliasesGiven || !existing
          ? read
          : { ...read, aliases: JSON.parse(existing.aliases) as string[] };
      if (!existing) {
        const id = await createItem(trx, stamp, terminal.orgUnitId, issuers.own, fields);
        if (active === false) {
          await setItemActive(trx, stamp, (await findItem(trx, id))!, false);
        }
        counts.created += 1;
        continue;
      }
      if (!mayChange(existing.issuer_code)) {
        skipped.push({
          row,
          message: isCountyIssuer(existing.issuer_code)
            ? `事项表第 ${row} 行：事项“${existing.code}”由县级统一发布，只能由县级中心修改`
            : `事项表第 ${row} 行：事项“${existing.code}”由其他单位发布，不能导入修改`,
        });
        continue;
      }
      if (!scope.has(existing.org_unit_id)) {
        skipped.push({
          row,
          message: `事项表第 ${row} 行：事项“${fields.code}”由上级维护，不能导入修改`,
        });
        continue;
      }
      // Matched ignoring case; a county item's code is its identity, so it keeps its own spelling.
      const kept = isCountyIssuer(existing.issuer_code)
        ? { ...fields, code: existing.code }
        : fields;
      const revision = await reviseItem(trx, stamp, existing, kept);
      const after = (await findItem(trx, existing.id))!;
      const toggled = active !== null && (await setItemActive(trx, stamp, after, active));
      if (revision.kind === 'revised' || toggled) counts.updated += 1;
      else counts.unchanged += 1;
    }
    const allProblems = problems.length + skipped.length;
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, terminal.terminalId, {
      action: 'catalogue.import',
      objectType: 'service_item',
      detail: `新增 ${counts.created} 项，更新 ${counts.updated} 项，未变 ${counts.unchanged} 项，有误 ${allProblems} 行`,
    });
  });
  // The item sheet's problems first, then the material sheet's, each by row.
  const sheetOrder = (p: ImportProblem) => (p.message.startsWith('事项表') ? 0 : 1);
  const ordered = [...problems, ...skipped].sort(
    (a, b) => sheetOrder(a) - sheetOrder(b) || a.row - b.row,
  );
  return { ...counts, problems: ordered };
}
