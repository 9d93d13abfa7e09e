import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  materialSchema,
  serviceItemSchema,
  type Material,
  type ServiceItemFields,
} from '@shared/domain/catalogue/service-item';
import { DomainError } from '../core/errors';
import { excel } from '../core/workbook';
import {
  ACTIVE_LABEL,
  ALIAS_SPLIT,
  FORM_BY_LABEL,
  headerKey,
  INACTIVE_LABEL,
  ITEM_COLUMNS,
  ITEM_SHEET,
  MATERIAL_COLUMNS,
  MATERIAL_SHEET,
  NO,
  REQUIREMENT_BY_LABEL,
  TYPE_BY_LABEL,
  YES,
} from './excel-layout';

/**
 * Reads the catalogue workbook back into items checked by the domain's schemas. A row with a problem
 * is reported and skipped; an item with a broken material row is skipped whole, since importing it
 * without that material would silently drop it from the checklist.
 */

interface ImportedItem {
  row: number;
  /** `aliases` is as stored when the file has no 别名 column (`aliasesGiven` false). */
  fields: ServiceItemFields;
  aliasesGiven: boolean;
  /** From the 状态 column; null when left empty. */
  active: boolean | null;
}

export interface ImportProblem {
  row: number;
  message: string;
}

interface ReadCatalogue {
  items: ImportedItem[];
  problems: ImportProblem[];
}

type Cells<K extends string> = Record<K, ExcelJS.CellValue>;

interface Column<K extends string> {
  key: K;
  header: string;
  optional?: boolean;
}

function unreadable(message: string): DomainError {
  return new DomainError('EXCEL_UNREADABLE', message);
}

async function loadWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('无法读取该文件，请选择由本系统导出或按其格式填写的 Excel 工作簿（.xlsx）');
  }
  return workbook;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((run) => run.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return String(value.text).trim();
  if ('formula' in value || 'sharedFormula' in value)
    return text(value.result as ExcelJS.CellValue);
  return '';
}

/** A number as typed; a non-number is passed on as text so that the schema's message names the field. */
function numeric(value: ExcelJS.CellValue): number | string | undefined {
  if (typeof value === 'number') return value;
  const typed = text(value).normalize('NFKC');
  if (typed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
}

/** The rows of a sheet by column key; `missing` names the optional columns the sheet lacks. */
function rowsOf<K extends string>(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly Column<K>[],
): { rows: { row: number; cells: Cells<K> }[]; missing: Set<K> } {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw unreadable(`文件中没有“${sheetName}”工作表，请使用本系统导出的格式`);
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => positions.set(headerKey(text(cell.value)), column));
  const missing = new Set<K>();
  const indexes = columns.flatMap((column) => {
    const position = positions.get(headerKey(column.header));
    if (position !== undefined) return [[column.key, position] as const];
    if (column.optional) {
      missing.add(column.key);
      return [];
    }
    throw unreadable(`“${sheetName}”工作表缺少“${column.header}”列，请使用本系统导出的格式`);
  });
  const rows: { row: number; cells: Cells<K> }[] = [];
  sheet.eachRow((sheetRow, row) => {
    if (row === 1) return;
    const cells = Object.fromEntries(
      indexes.map(([key, position]) => [key, sheetRow.getCell(position).value]),
    ) as Cells<K>;
    if (Object.values<ExcelJS.CellValue>(cells).every((value) => text(value) === '')) return;
    rows.push({ row, cells });
  });
  return { rows, missing };
}

function issueMessages(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join('；');
}

type MaterialRow = { row: number; material: Material };
type MaterialGroup = { rows: MaterialRow[]; broken: number[] };

function readMaterial(
  cells: Cells<(typeof MATERIAL_COLUMNS)[number]['key']>,
): { ok: true; material: Material } | { ok: false; message: string } {
  const requirementLabel = text(cells.requirement);
  const requirement = REQUIREMENT_BY_LABEL.get(requirementLabel);
  const condition = text(cells.condition);
  if (!requirement) {
    return { ok: false, message: '“是否必须”应填必交、视情形提交或选交' };
  }
  if (requirement === 'required' && condition !== '') {
    return { ok: false, message: '必交材料的适用情形应留空；只在某种情形下提交的请填“视情形提交”' };
  }
  if (requirement === 'conditional' && condition === '') {
    return { ok: false, message: '视情形提交的材料请填写适用情形' };
  }
  const formLabel = text(cells.form);
  const parsed = materialSchema.safeParse({
    name: text(cells.name),
    form: FORM_BY_LABEL.get(formLabel) ?? formLabel,
    copies: numeric(cells.copies),
    required: requirement !== 'optional',
    condition: condition === '' ? null : condition,
    source: text(cells.source),
  });
  return parsed.success
    ? { ok: true, material: parsed.data }
    : { ok: false, message: issueMessages(parsed.error) };
}

type Report = (sheet: 'item' | 'material', row: number, message: string) => void;

function readMaterials(workbook: ExcelJS.Workbook, report: Report) {
  const groups = new Map<string, MaterialGroup>();
  for (const { row, cells } of rowsOf(workbook, MATERIAL_SHEET, MATERIAL_COLUMNS).rows) {
    const code = text(cells.code).toUpperCase();
    if (code === '') {
      report('material', row, '请填写该材料所属事项的编码');
      continue;
    }
    const group = groups.get(code) ?? { rows: [], broken: [] };
    groups.set(code, group);
    const read = readMaterial(cells);
    if (read.ok) group.rows.push({ row, material: read.material });
    else {
      group.broken.push(row);
      report('material', row, read.message);
    }
  }
  return groups;
}

/** Yuan as typed → fen; more than two decimals is a typing error, not something to round away. */
function fee(value: ExcelJS.CellValue): number | string | undefined | null {
  const yuan = numeric(value);
  if (typeof yuan !== 'number') return yuan;
  const fen = Math.round(yuan * 100);
  return Math.abs(yuan * 100 - fen) > 1e-6 ? null : fen;
}

function yesNo(value: ExcelJS.CellValue): boolean | undefined {
  const typed = text(value);
  return typed === YES ? true : typed === NO ? false : undefined;
}

const SHEET_LABELS = { item: '事项', material: '材料' } as const;

export async function readCatalogueWorkbook(base64: string): Promise<ReadCatalogue> {
  const workbook = await loadWorkbook(base64);
  const found = { item: [] as ImportProblem[], material: [] as ImportProblem[] };
  const report: Report = (sheet, row, message) =>
    found[sheet].push({ row, message: `${SHEET_LABELS[sheet]}表第 ${row} 行：${message}` });
  const { rows: itemRows, missing } = rowsOf(workbook, ITEM_SHEET, ITEM_COLUMNS);
  const aliasesGiven = !missing.has('aliases');
  const groups = readMaterials(workbook, report);
  const items: ImportedItem[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of itemRows) {
    const code = text(cells.code);
    const key = code.toUpperCase();
    if (seen.has(key)) {
      report('item', row, `事项编码“${code}”在表中重复，本行未导入`);
      continue;
    }
    seen.add(key);
    const group = groups.get(key) ?? { rows: [], broken: [] };
    groups.delete(key);
    if (group.broken.length > 0) {
      report('item', row, `事项“${code}”的材料第 ${group.broken.join('、')} 行有误，本事项未导入`);
      continue;
    }
    const status = text(cells.status);
    if (status !== '' && status !== ACTIVE_LABEL && status !== INACTIVE_LABEL) {
      report('item', row, `状态应填“${ACTIVE_LABEL}”或“${INACTIVE_LABEL}”`);
      continue;
    }
    const feeFen = fee(cells.fee);
    if (feeFen === null) {
      report('item', row, '收费（元）最多保留两位小数');
      continue;
    }
    const typeLabel = text(cells.type);
    const parsed = serviceItemSchema.safeParse({
      code,
      name: text(cells.name),
      aliases: aliasesGiven ? text(cells.aliases).split(ALIAS_SPLIT) : [],
      category: text(cells.category),
      department: text(cells.department),
      type: TYPE_BY_LABEL.get(typeLabel) ?? typeLabel,
      promisedDays: numeric(cells.promisedDays),
      statutoryDays: numeric(cells.statutoryDays),
      feeFen,
      agencyAllowed: yesNo(cells.agencyAllowed),
      basis: text(cells.basis),
      materials: group.rows.map((entry) => entry.material),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const index = issue.path[0] === 'materials' ? issue.path[1] : undefined;
        const material = typeof index === 'number' ? group.rows[index] : undefined;
        if (material) report('material', material.row, `${issue.message}，事项“${code}”未导入`);
        else report('item', row, issue.message);
      }
      continue;
    }
    items.push({
      row,
      fields: parsed.data,
      aliasesGiven,
      active: status === '' ? null : status === ACTIVE_LABEL,
    });
  }
  for (const [code, group] of groups) {
    for (const { row } of group.rows) report('material', row, `事项编码“${code}”不在事项表中`);
  }
  const byRow = (a: ImportProblem, b: ImportProblem) => a.row - b.row;
  return { items, problems: [...found.item.sort(byRow), ...found.material.sort(byRow)] };
}
