import type ExcelJS from 'exceljs';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  materialRequirement,
  SERVICE_ITEM_TYPE_LABELS,
} from '@shared/domain/catalogue/service-item';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { CallContext } from '../core/runtime';
import { addHeadedSheet, excel, workbookBase64 } from '../core/workbook';
import {
  ACTIVE_LABEL,
  ALIAS_SEPARATOR,
  INACTIVE_LABEL,
  ITEM_COLUMNS,
  ITEM_SHEET,
  MATERIAL_COLUMNS,
  MATERIAL_SHEET,
  NO,
  YES,
} from './excel-layout';
import { parseMaterials } from './fields';
import { listCurrentVersions } from './repository';

/** The whole catalogue, current versions, active and inactive: what the import reads back. */
async function catalogueWorkbook(ctx: CallContext): Promise<ExcelJS.Workbook> {
  const rows = await listCurrentVersions(ctx.rt.db);
  const workbook = new (excel().Workbook)();
  workbook.created = new Date(ctx.rt.stamper.clock.now());
  const items = addHeadedSheet(workbook, ITEM_SHEET, ITEM_COLUMNS);
  const materials = addHeadedSheet(workbook, MATERIAL_SHEET, MATERIAL_COLUMNS);
  items.getColumn('fee').numFmt = '0.00';
  for (const row of rows) {
    items.addRow({
      code: row.code,
      name: row.name,
      aliases: (JSON.parse(row.aliases) as string[]).join(ALIAS_SEPARATOR),
      category: row.category,
      department: row.department,
      type: SERVICE_ITEM_TYPE_LABELS[row.type],
      promisedDays: row.promised_days,
      statutoryDays: row.statutory_days,
      fee: row.fee_fen / 100,
      agencyAllowed: row.agency_allowed === 1 ? YES : NO,
      basis: row.basis,
      status: row.active === 1 ? ACTIVE_LABEL : INACTIVE_LABEL,
    });
    for (const material of parseMaterials(row.materials)) {
      materials.addRow({
        code: row.code,
        name: material.name,
        form: MATERIAL_FORM_LABELS[material.form],
        copies: material.copies,
        requirement: MATERIAL_REQUIREMENT_LABELS[materialRequirement(material)],
        condition: material.condition ?? '',
        source: material.source,
      });
    }
  }
  return workbook;
}

export async function exportCatalogue(ctx: CallContext) {
  const workbook = await catalogueWorkbook(ctx);
  const date = shanghaiDate(ctx.rt.stamper.clock.now()).replaceAll('-', '');
  return { fileName: `事项目录-${date}.xlsx`, base64: await workbookBase64(workbook) };
}
