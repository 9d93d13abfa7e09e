import type ExcelJS from 'exceljs';
import type { MediationStats } from '@shared/api/methods/mediation-stats';
import { ORG_LEVEL_LABELS, ORG_LEVELS } from '@shared/api/roles';
import { addDays, addMonths } from '@shared/domain/calendar/plain-date';
import {
  DISPUTE_SOURCE_LABELS,
  DISPUTE_SOURCES,
  DISPUTE_TYPE_LABELS,
  DISPUTE_TYPES,
} from '@shared/domain/mediation/vocabulary';
import type { CallContext } from '../../core/runtime';
import { newWorkbook, workbookBase64 } from '../../core/workbook';
import { callerOf } from '../dispute/access';
import { today } from '../dispute/dates';
import { orgNames } from '../dispute/org';
import { computeStats, EVENT_REPORTS_NOTE, totalOf, type StatsRow } from './stats';

const MEASURES: readonly {
  label: string;
  value: (row: StatsRow) => number | null;
  format?: string;
}[] = [
  { label: '受理（件）', value: (row) => row.accepted },
  { label: '调结（件）', value: (row) => row.concluded },
  { label: '调解成功（件）', value: (row) => row.succeeded },
  { label: '调解成功率', value: (row) => row.successRate, format: '0.0%' },
  { label: '协议履行（件）', value: (row) => row.performed },
  { label: '司法确认（件）', value: (row) => row.judicialConfirmations },
  { label: '涉及金额（元）', value: (row) => row.amountFen / 100, format: '#,##0.00' },
];
const COLUMNS = 1 + MEASURES.length * 2;

function emptyRow(group: string): StatsRow {
  return {
    period: '',
    group,
    accepted: 0,
    concluded: 0,
    succeeded: 0,
    successRate: null,
    performed: 0,
    judicialConfirmations: 0,
    amountFen: 0,
  };
}

/** One block of the report: a heading, then one line per group with 本月 and 本年累计 side by side. */
function addBlock(
  sheet: ExcelJS.Worksheet,
  heading: string,
  groups: readonly { key: string; label: string }[],
  month: readonly StatsRow[],
  year: readonly StatsRow[],
): void {
  const headingRow = sheet.addRow([heading]);
  headingRow.font = { bold: true };
  sheet.mergeCells(headingRow.number, 1, headingRow.number, COLUMNS);
  const of = (rows: readonly StatsRow[], key: string) =>
    rows.find((row) => row.group === key) ?? emptyRow(key);
  const lines = [
    ...groups.map((group) => ({
      label: group.label,
      month: of(month, group.key),
      year: of(year, group.key),
    })),
    { label: '合计', month: totalOf(month, ''), year: totalOf(year, '') },
  ];
  for (const line of lines) {
    const row = sheet.addRow([
      line.label,
      ...MEASURES.flatMap((measure) => [measure.value(line.month), measure.value(line.year)]),
    ]);
    MEASURES.forEach((measure, index) => {
      if (!measure.format) return;
      row.getCell(2 + index * 2).numFmt = measure.format;
      row.getCell(3 + index * 2).numFmt = measure.format;
    });
    if (line.label === '合计') row.font = { bold: true };
  }
}

function addHeader(sheet: ExcelJS.Worksheet): void {
  const top = sheet.addRow(['项目', ...MEASURES.flatMap((measure) => [measure.label, ''])]);
  const sub = sheet.addRow(['', ...MEASURES.flatMap(() => ['本月', '本年累计'])]);
  sheet.mergeCells(top.number, 1, sub.number, 1);
  MEASURES.forEach((_, index) =>
    sheet.mergeCells(top.number, 2 + index * 2, top.number, 3 + index * 2),
  );
  for (const row of [top, sub]) {
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

/**
 * The monthly report (人民调解工作统计月报表): by dispute type, by source and by level, each with this
 * month and the year to date, then the share resolved at each level and the statement that event
 * reports are not counted.
 */
function monthlyReportWorkbook(
  orgName: string,
  month: string,
  stats: { month: MediationStats; year: MediationStats },
  generatedOn: string,
): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('月报表', { pageSetup: { orientation: 'landscape' } });
  sheet.columns = [{ width: 16 }, ...MEASURES.flatMap(() => [{ width: 10 }, { width: 11 }])];
  const [year, monthNumber] = [month.slice(0, 4), Number(month.slice(5, 7))];
  const title = sheet.addRow([`${orgName}人民调解工作统计月报表`]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(title.number, 1, title.number, COLUMNS);
  const info = sheet.addRow([
    `统计期间：${year}年${monthNumber}月（本年累计自${year}年1月1日起）  填报单位：${orgName}  制表日期：${generatedOn}`,
  ]);
  sheet.mergeCells(info.number, 1, info.number, COLUMNS);
  addHeader(sheet);
  const { month: m, year: y } = stats;
  addBlock(
    sheet,
    '一、按纠纷类型',
    DISPUTE_TYPES.map((key) => ({ key, label: DISPUTE_TYPE_LABELS[key] })),
    m.byType,
    y.byType,
  );
  addBlock(
    sheet,
    '二、按纠纷来源',
    DISPUTE_SOURCES.map((key) => ({ key, label: DISPUTE_SOURCE_LABELS[key] })),
    m.bySource,
    y.bySource,
  );
  const levels = [...ORG_LEVELS].reverse();
  addBlock(
    sheet,
    '三、按调处层级（计入最终化解的层级）',
    levels.map((key) => ({ key, label: ORG_LEVEL_LABELS[key] })),
    m.byLevel,
    y.byLevel,
  );
  sheet.addRow([]);
  const shareHeading = sheet.addRow([
    '四、化解层级占比（小事不出村、大事不出镇）',
    '本月（件）',
    '本月占比',
    '累计（件）',
    '累计占比',
  ]);
  shareHeading.font = { bold: true };
  for (const level of levels) {
    const row = sheet.addRow([
      ORG_LEVEL_LABELS[level],
      m.shareByLevel.byLevel[level].count,
      m.shareByLevel.byLevel[level].percent / 100,
      y.shareByLevel.byLevel[level].count,
      y.shareByLevel.byLevel[level].percent / 100,
    ]);
    row.getCell(3).numFmt = '0.0%';
    row.getCell(5).numFmt = '0.0%';
  }
  sheet.addRow([]);
  for (const note of [
    `说明：1. ${EVENT_REPORTS_NOTE}。本月事件报告 ${m.eventReports.count} 件，本年累计 ${y.eventReports.count} 件。`,
    '2. 调解成功率 = 调解成功数 ÷ 调结数（调解成功、调解不成、终止调解之和）。',
    '3. 各项按其发生日期计入当月：受理及涉及金额按受理日期，调结按结论日期，履行按回访确认履行日期，司法确认按法院裁定日期。',
  ]) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, COLUMNS);
    row.alignment = { wrapText: true };
  }
  return workbook;
}

export async function monthlyReport(ctx: CallContext, month: string) {
  const caller = await callerOf(ctx);
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const stats = {
    month: await computeStats(ctx.rt.db, caller.scope, first, last, 'month'),
    year: await computeStats(ctx.rt.db, caller.scope, `${month.slice(0, 4)}-01-01`, last, 'year'),
  };
  const orgName = (await orgNames(ctx.rt.db, [caller.orgUnitId])).get(caller.orgUnitId)?.name ?? '';
  const workbook = monthlyReportWorkbook(orgName, month, stats, today(ctx));
  return {
    fileName: `人民调解统计月报_${orgName}_${month}.xlsx`,
    base64: await workbookBase64(workbook),
  };
}
