import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  SERVICE_ITEM_TYPE_LABELS,
} from '@shared/domain/catalogue/service-item';

/**
 * The workbook the catalogue is exported to and imported from: one sheet of items, one of materials
 * keyed by item code. Both directions use these names, so an exported file imports unchanged.
 */

export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '材料';

/**
 * `optional`: a column added after files were first exported; a file without it still imports, and
 * what the column would hold is left as stored.
 */
export const ITEM_COLUMNS = [
  { key: 'code', header: '编码', width: 14 },
  { key: 'name', header: '名称', width: 34 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'department', header: '责任部门', width: 18 },
  { key: 'type', header: '办件类型', width: 10 },
  { key: 'promisedDays', header: '承诺时限（工作日）', width: 12 },
  { key: 'statutoryDays', header: '法定时限（工作日）', width: 12 },
  { key: 'fee', header: '收费（元）', width: 10 },
  { key: 'agencyAllowed', header: '允许代办', width: 10 },
  { key: 'basis', header: '设定依据', width: 50 },
  { key: 'status', header: '状态', width: 8 },
  // Last, so that a sheet laid out before it was added keeps its columns where they were.
  { key: 'aliases', header: '别名', width: 24, optional: true },
] as const;

export const MATERIAL_COLUMNS = [
  { key: 'code', header: '编码', width: 14 },
  { key: 'name', header: '材料名称', width: 34 },
  { key: 'form', header: '形式', width: 14 },
  { key: 'copies', header: '份数', width: 8 },
  { key: 'requirement', header: '是否必须', width: 14 },
  { key: 'condition', header: '适用情形', width: 30 },
  { key: 'source', header: '来源', width: 40 },
] as const;

/** Aliases in one cell: 低保、低保申请. A comma or semicolon typed instead separates them too. */
export const ALIAS_SEPARATOR = '、';
export const ALIAS_SPLIT = /[、,，;；\n]/;

export const YES = '是';
export const NO = '否';
export const ACTIVE_LABEL = '启用';
export const INACTIVE_LABEL = '停用';

/** Label → code, for reading a sheet back; the labels are the domain's own. */
function invert<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([code, label]) => [label as string, code as K]));
}

export const TYPE_BY_LABEL = invert(SERVICE_ITEM_TYPE_LABELS);
export const FORM_BY_LABEL = invert(MATERIAL_FORM_LABELS);
export const REQUIREMENT_BY_LABEL = invert(MATERIAL_REQUIREMENT_LABELS);

/** Headers compare loosely: full-width and half-width brackets, stray spaces. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
