import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { workbookBase64 } from '../../core/workbook';
import { caseListWorkbook } from './export-workbook';
import type { CaseExportRow } from '../list/repository';
import { caseListFileTest as test, SCENE_TIMEOUT_MS } from '../../testing/cases';

async function readBack(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('cases.exportExcel', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('exports the filtered list as the clerk sees it, with masked ID numbers', async ({
    harness: h,
    township: s,
  }) => {
    const file = await h.ok(
      'cases.exportExcel',
      { states: ['completed', 'processing'], sortBy: 'caseNo', sortDir: 'asc' },
      s.clerk.token,
    );
    expect(file.fileName).toBe('案件清单-20261127.xlsx');
    const sheet = await readBack(file.base64);
    expect(sheet.name).toBe('案件清单');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(values(sheet)).toEqual([
      [
        '受理编号',
        '事项',
        '申请人',
        '证件号码',
        '状态',
        '渠道',
        '受理日期',
        '承诺办结日期',
        '办结日期',
        '是否超期',
      ],
      [
        '330302001-01-20261027-0001',
        '最低生活保障申请',
        '王五',
        'E1*****78',
        '已办结',
        '窗口',
        '2026-10-27',
        '2026-11-03',
        '2026-11-05',
        '是',
      ],
      [
        '330302001-01-20261110-0001',
        '临时救助申请',
        '张三丰',
        '330302********1234',
        '已办结',
        '窗口',
        '2026-11-10',
        '2026-11-17',
        '2026-11-16',
        '否',
      ],
      [
        '330302001-01-20261116-0001',
        '城乡居民基本医疗保险参保登记',
        '王五',
        'E1*****78',
        '办理中',
        '窗口',
        '2026-11-16',
        '2026-11-25',
        '',
        '是',
      ],
      [
        '330302001-01-20261123-0001',
        '临时救助申请',
        '李四',
        '330302********2345',
        '办理中',
        '窗口',
        '2026-11-23',
        '2026-11-30',
        '',
        '否',
      ],
    ]);
  });

  test('exports every page of a search, and labels agency cases', async ({
    harness: h,
    township: s,
  }) => {
    const file = await h.ok('cases.exportExcel', { query: '张三' }, s.clerk.token);
    const rows = values(await readBack(file.base64)).slice(1);
    expect(rows.map((row) => [row[0], row[4], row[5]])).toEqual([
      ['330302001001-01-20261126-0001', '待接收', '代办'],
      ['330302001-01-20261120-0001', '已受理', '窗口'],
      ['330302001-01-20261110-0001', '已办结', '窗口'],
    ]);
  });

  test('records the export in the audit log with its row count', async ({
    harness: h,
    township: s,
  }) => {
    await h.ok('cases.exportExcel', { channel: 'agency' }, s.clerk.token);
    const { rows } = await h.ok('audit.list', { action: 'cases.export' }, s.admin);
    expect(rows[0]).toMatchObject({
      username: 'clerk1',
      action: 'cases.export',
      outcome: 'success',
      detail: '导出案件清单 2 条',
    });
  });

  test('refuses a search too short to run, and exports nothing', async ({
    harness: h,
    township: s,
  }) => {
    expect(await h.code('cases.exportExcel', { query: '1' }, s.clerk.token)).toBe(
      'QUERY_TOO_SHORT',
    );
  });
});

describe('the capped export', () => {
  test('says in the sheet that only the first rows were exported', async () => {
    const row: CaseExportRow = {
      id: 'case-1',
      case_no: '330302001-01-20261127-0001',
      state: 'accepted',
      item_name: '临时救助申请',
      item_type: 'promised',
      applicant_name: '张三丰',
      resident_id: 'resident-1',
      channel: 'counter',
      agency_org_name: null,
      created_at: '2026-11-27T01:00:00.000Z',
      accepted_date: '2026-11-27',
      due_date: '2026-12-04',
      completed_date: null,
      paused_since: null,
      handoff_due_date: null,
      handed_over_at: null,
      agent_name: null,
      doc_type: 'resident_id',
      doc_number: '330302199001011234',
    };
    const sheet = await readBack(
      await workbookBase64(caseListWorkbook([row], 60_000, '2026-11-27')),
    );
    expect(values(sheet).at(-1)).toEqual([
      '共 60000 条，仅导出前 1 条。请缩小受理日期或状态等筛选条件后分批导出。',
    ]);
  });
});
