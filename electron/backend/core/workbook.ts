import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded by the first workbook rather than with the backend: it is ~28 MB of the backend's
 * RSS that only an export or an import needs, and a terminal syncing at the counter is to stay
 * under 150 MB (issue 15).
 */
export function excel(): typeof ExcelJS {
  return createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
}

export type Cell = string | number | null;

export interface Column {
  /** For rows added as objects keyed by column (`sheet.addRow({ code: … })`). */
  key?: string;
  header: string;
  /** In characters; Chinese characters count about two. */
  width: number;
  /** Excel number format, e.g. '0.0%' for a rate kept as a number that Excel can sum and chart. */
  numFmt?: string;
}

/**
 * A sheet as the counter's spreadsheets look: one bold header row that stays in place while
 * scrolling, and no rows yet.
 */
export function addHeadedSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    ...(column.key ? { key: column.key } : {}),
    header: column.header,
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/**
 * A headed sheet (addHeadedSheet) with its rows. Dates go in as YYYY-MM-DD text so that no time
 * zone can shift them.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): ExcelJS.Worksheet {
  const sheet = addHeadedSheet(workbook, name, columns);
  for (const row of rows) sheet.addRow([...row]);
  return sheet;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new (excel().Workbook)();
  workbook.creator = '基层一窗通';
  return workbook;
}

export async function workbookBase64(workbook: ExcelJS.Workbook): Promise<string> {
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
