import type ExcelJS from 'exceljs';
import type { CounterStats } from '@shared/api';
import { RATINGS } from '@shared/domain/cases/rating';
import { periodLabel } from '@shared/domain/cases/stats-period';
import { addTableSheet, newWorkbook, type Cell, type Column } from '../core/workbook';

const PERCENT = '0.0%';

const COUNT_COLUMNS: readonly Column[] = [
  { header: '收件', width: 8 },
  { header: '受理', width: 8 },
  { header: '办结', width: 8 },
  { header: '按时办结', width: 10 },
  { header: '超期', width: 8 },
  { header: '补正', width: 8 },
  { header: '不予受理', width: 10 },
  { header: '按时办结率', width: 12, numFmt: PERCENT },
];

function countCells(counts: CounterStats['totals']): Cell[] {
  return [
    counts.takenIn,
    counts.accepted,
    counts.completed,
    counts.completedOnTime,
    counts.overdue,
    counts.supplement,
    counts.rejected,
    counts.onTimeRate,
  ];
}

export function counterStatsWorkbook(
  stats: CounterStats,
  range: { from: string; to: string; itemName?: string | null },
): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const { totals } = stats;
  const summary: [label: string, value: Cell, rate?: true][] = [
    ['统计期间（受理日期）', `${range.from} 至 ${range.to}`],
    ...(range.itemName ? [['事项', range.itemName] as [string, Cell]] : []),
    ['收件量', totals.takenIn],
    ['受理量', totals.accepted],
    ['办结量', totals.completed],
    ['按时办结量', totals.completedOnTime],
    ['超期量', totals.overdue],
    ['补正量', totals.supplement],
    ['不予受理量', totals.rejected],
    ['按时办结率', totals.onTimeRate, true],
    ['评价总数', stats.ratings.reduce((sum, row) => sum + row.count, 0)],
    ['差评数', stats.badRatings],
    ['差评已回访整改', stats.followupsDone],
    ['差评回访率', stats.followupRate, true],
  ];
  const sheet = addTableSheet(
    workbook,
    '汇总',
    [
      { header: '指标', width: 20 },
      { header: '数值', width: 24 },
    ],
    summary.map(([label, value]) => [label, value]),
  );
  // Rates are fractions kept as numbers, shown as percentages; row 1 is the header.
  summary.forEach(([, , isRate], index) => {
    if (isRate) sheet.getRow(index + 2).getCell(2).numFmt = PERCENT;
  });
  addTableSheet(
    workbook,
    '按事项',
    [{ header: '事项', width: 36 }, ...COUNT_COLUMNS],
    stats.byItem.map((row) => [row.itemName, ...countCells(row)]),
  );
  addTableSheet(
    workbook,
    '按期间',
    [{ header: '期间', width: 16 }, ...COUNT_COLUMNS],
    stats.byPeriod.map((row) => [periodLabel(row.period), ...countCells(row)]),
  );
  addTableSheet(
    workbook,
    '代办',
    [
      { header: '村（社区）', width: 20 },
      { header: '代办件数', width: 10 },
      { header: '逾期移交', width: 10 },
    ],
    stats.agencyByVillage.map((row) => [row.villageName, row.cases, row.handedOverLate]),
  );
  addTableSheet(
    workbook,
    '好差评',
    [
      { header: '评价等级', width: 14 },
      { header: '数量', width: 8 },
    ],
    stats.ratings.map((row) => [RATINGS[row.level].label, row.count]),
  );
  return workbook;
}

export function counterStatsFileName(range: { from: string; to: string }): string {
  const compact = (date: string) => date.replaceAll('-', '');
  return `窗口统计-${compact(range.from)}-${compact(range.to)}.xlsx`;
}
