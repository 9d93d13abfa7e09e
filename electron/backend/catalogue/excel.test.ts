import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { Harness } from '../testing/harness';
import { test } from '../testing/fixtures';
import { staffSession } from '../testing/catalogue';

async function exported(h: Harness, admin: string): Promise<ExcelJS.Workbook> {
  const file = await h.ok('catalogue.exportExcel', {}, admin);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook;
}

async function base64Of(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function headers(sheet: ExcelJS.Worksheet): unknown[] {
  return (sheet.getRow(1).values as unknown[]).slice(1);
}

/** A new item NEW-1 as a row of the items sheet, with the status cell as given. */
function busPassRow(status: string): unknown[] {
  return [
    'NEW-1',
    '老年人免费乘车卡申领',
    '民政',
    '县交通运输局',
    '承诺件',
    3,
    10,
    0,
    '是',
    '县政府文件',
    status,
  ];
}

/** The row of the items sheet whose code cell is `code`. */
function itemRow(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code) found = row;
  });
  if (!found) throw new Error(`no row for ${code}`);
  return found;
}

describe('catalogue.exportExcel', () => {
  test('writes an items sheet and a materials sheet with Chinese headers, bold and frozen', async ({
    harness: h,
    township: { admin },
  }) => {
    const file = await h.ok('catalogue.exportExcel', {}, admin);
    expect(file.fileName).toBe('事项目录-20261127.xlsx');
    const workbook = await exported(h, admin);
    const items = workbook.getWorksheet('事项')!;
    const materials = workbook.getWorksheet('材料')!;
    expect(headers(items)).toEqual([
      '编码',
      '名称',
      '类别',
      '责任部门',
      '办件类型',
      '承诺时限（工作日）',
      '法定时限（工作日）',
      '收费（元）',
      '允许代办',
      '设定依据',
      '状态',
      '别名',
    ]);
    expect(headers(materials)).toEqual([
      '编码',
      '材料名称',
      '形式',
      '份数',
      '是否必须',
      '适用情形',
      '来源',
    ]);
    expect(items.getRow(1).font?.bold).toBe(true);
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(items.getColumn(2).width).toBeGreaterThan(20);
    expect(items.rowCount).toBe(43);
    expect((items.getRow(2).values as unknown[]).slice(1)).toEqual([
      'ZJ-XZ-0001',
      '城乡居民基本医疗保险参保登记',
      '社会保障',
      '县医保局',
      '即办件',
      0,
      5,
      0,
      '是',
      '《中华人民共和国社会保险法》第二十五条',
      '启用',
      '居民医保、医保参保',
    ]);
    expect((materials.getRow(4).values as unknown[]).slice(1)).toEqual([
      'ZJ-XZ-0001',
      '出生医学证明',
      '复印件',
      1,
      '视情形提交',
      '新生儿参保的',
      '出生医院出具',
    ]);
  });
});

describe('catalogue.importExcel', () => {
  test('reads its own export back unchanged', async ({ harness: h, township: { admin } }) => {
    const file = await h.ok('catalogue.exportExcel', {}, admin);
    const result = await h.ok('catalogue.importExcel', { base64: file.base64 }, admin);
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 42, problems: [] });
    const items = await h.ok('catalogue.list', {}, admin);
    expect(items.every((item) => item.versionNumber === 1)).toBe(true);
  });

  test('creates new items, versions changed ones, and skips rows with problems, saying why', async ({
    harness: h,
    township: { admin },
  }) => {
    const workbook = await exported(h, admin);
    const items = workbook.getWorksheet('事项')!;
    const materials = workbook.getWorksheet('材料')!;
    // A changed promise and fee (in yuan) on 0025, a deactivated 0036.
    itemRow(items, 'ZJ-XZ-0025').getCell(6).value = 10;
    itemRow(items, 'ZJ-XZ-0025').getCell(8).value = 12.5;
    itemRow(items, 'ZJ-XZ-0036').getCell(11).value = '停用';
    // An instant item promising days: refused with the rule's message.
    itemRow(items, 'ZJ-XZ-0001').getCell(6).value = 3;
    items.addRow(busPassRow('启用'));
    items.addRow(['NEW-2', '某事项', '民政', '某部门', '即办件', 0, 0, 0, '可以', '依据', '启用']);
    materials.addRow(['NEW-1', '申请人居民身份证', '原件', 1, '必交', '', '申请人自备']);
    materials.addRow(['NEW-1', '一寸照片', '原件', 'two', '必交', '', '申请人自备']);
    materials.addRow(['NEW-2', '申请表', '原件', 1, '必交', '', '窗口领取']);
    materials.addRow(['NEW-9', '申请表', '原件', 1, '必交', '', '窗口领取']);
    const materialRows = materials.rowCount;

    const result = await h.ok('catalogue.importExcel', { base64: await base64Of(workbook) }, admin);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 39 });
    expect(result.problems).toEqual([
      { row: 2, message: '事项表第 2 行：即办件当场办结，承诺时限应为 0 个工作日' },
      {
        row: 44,
        message: `事项表第 44 行：事项“NEW-1”的材料第 ${materialRows - 2} 行有误，本事项未导入`,
      },
      { row: 45, message: '事项表第 45 行：请注明是否允许村（社区）代办' },
      { row: materialRows - 2, message: `材料表第 ${materialRows - 2} 行：份数应为数字` },
      { row: materialRows, message: `材料表第 ${materialRows} 行：事项编码“NEW-9”不在事项表中` },
    ]);

    const [changed] = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025' }, admin);
    expect(changed).toMatchObject({ promisedDays: 10, versionNumber: 2 });
    const detail = await h.ok('catalogue.get', { itemId: changed!.id }, admin);
    expect(detail.feeFen).toBe(1250);
    const [inactive] = await h.ok(
      'catalogue.list',
      { query: 'ZJ-XZ-0036', includeInactive: true },
      admin,
    );
    expect(inactive).toMatchObject({ active: false, versionNumber: 1 });
    const [instant] = await h.ok('catalogue.list', { query: 'ZJ-XZ-0001' }, admin);
    expect(instant).toMatchObject({ promisedDays: 0, versionNumber: 1 });
    const audit = await h.ok(
      'audit.list',
      { page: 1, pageSize: 5, action: 'catalogue.import' },
      admin,
    );
    expect(audit.rows[0]?.detail).toBe('新增 0 项，更新 2 项，未变 39 项，有误 5 行');
  });

  test('creates the valid new items of a sheet', async ({ harness: h, township: { admin } }) => {
    const workbook = await exported(h, admin);
    workbook.getWorksheet('事项')!.addRow(busPassRow(''));
    workbook
      .getWorksheet('材料')!
      .addRow(['new-1', '一寸照片', '原件', 2, '选交', '', '申请人自备']);
    const result = await h.ok('catalogue.importExcel', { base64: await base64Of(workbook) }, admin);
    expect(result).toEqual({ created: 1, updated: 0, unchanged: 42, problems: [] });
    const [created] = await h.ok('catalogue.list', { query: 'lnrmfcck' }, admin);
    const detail = await h.ok('catalogue.get', { itemId: created!.id }, admin);
    expect(detail).toMatchObject({
      code: 'NEW-1',
      active: true,
      materials: [
        { name: '一寸照片', form: 'original', copies: 2, required: false, condition: null },
      ],
    });
  });

  test('reads aliases from the 别名 column, and keeps them when a file has no such column', async ({
    harness: h,
    township: { admin },
  }) => {
    const workbook = await exported(h, admin);
    const items = workbook.getWorksheet('事项')!;
    itemRow(items, 'ZJ-XZ-0013').getCell(12).value = '低保，低保申请、吃低保';
    const result = await h.ok('catalogue.importExcel', { base64: await base64Of(workbook) }, admin);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 41, problems: [] });
    const [item] = await h.ok('catalogue.list', { query: '吃低保' }, admin);
    expect(item).toMatchObject({ code: 'ZJ-XZ-0013', aliases: ['低保', '低保申请', '吃低保'] });
    expect(item?.versionNumber).toBe(1);

    const old = await exported(h, admin);
    old.getWorksheet('事项')!.spliceColumns(12, 1);
    const again = await h.ok('catalogue.importExcel', { base64: await base64Of(old) }, admin);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 42, problems: [] });
    expect((await h.ok('catalogue.list', { query: '吃低保' }, admin))[0]?.aliases).toEqual([
      '低保',
      '低保申请',
      '吃低保',
    ]);
  });

  test('refuses a file that is not a workbook, changing nothing', async ({
    harness: h,
    township: { admin },
  }) => {
    const result = await h.call(
      'catalogue.importExcel',
      { base64: Buffer.from('not a workbook').toString('base64') },
      admin,
    );
    expect(result.ok ? null : result.error.code).toBe('EXCEL_UNREADABLE');
    expect(await h.ok('catalogue.list', {}, admin)).toHaveLength(42);
  });

  test('refuses a workbook in another layout, naming what is missing', async ({
    harness: h,
    township: { admin },
  }) => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['编码', '名称']);
    const noSheet = await h.call('catalogue.importExcel', { base64: await base64Of(other) }, admin);
    expect(noSheet.ok ? null : noSheet.error).toMatchObject({
      code: 'EXCEL_UNREADABLE',
      message: '文件中没有“事项”工作表，请使用本系统导出的格式',
    });
    const partial = new ExcelJS.Workbook();
    partial.addWorksheet('事项').addRow(['编码', '名称']);
    const noColumn = await h.call(
      'catalogue.importExcel',
      { base64: await base64Of(partial) },
      admin,
    );
    expect(noColumn.ok ? null : noColumn.error).toMatchObject({
      code: 'EXCEL_UNREADABLE',
      message: '“事项”工作表缺少“类别”列，请使用本系统导出的格式',
    });
  });

  test('is for supervisors and administrators only', async ({
    harness: h,
    township: { admin },
  }) => {
    const file = await h.ok('catalogue.exportExcel', {}, admin);
    const clerk = await staffSession(h, admin, 'clerk1', 'clerk');
    const result = await h.call('catalogue.importExcel', { base64: file.base64 }, clerk);
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
  });
});
