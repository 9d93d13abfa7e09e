import type ExcelJS from 'exceljs';
import { CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import type { DocumentType } from '@shared/domain/identity/documents';
import { maskDocument } from '@shared/domain/privacy/masking';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { addTableSheet, newWorkbook, type Column } from '../../core/workbook';
import type { CaseExportRow } from '../list/repository';
import { isOverdue } from '../list/summary';

/** An export is a sheet a person opens, not a backup: past this many rows a filter serves better. */
export const EXPORT_ROW_CAP = 50_000;

const CHANNEL_LABELS = { counter: '窗口', agency: '代办' } as const;

const COLUMNS: readonly Column[] = [
  { header: '受理编号', width: 28 },
  { header: '事项', width: 36 },
  { header: '申请人', width: 12 },
  { header: '证件号码', width: 22 },
  { header: '状态', width: 12 },
  { header: '渠道', width: 8 },
  { header: '受理日期', width: 12 },
  { header: '承诺办结日期', width: 14 },
  { header: '办结日期', width: 12 },
  { header: '是否超期', width: 10 },
];

export function caseListWorkbook(
  rows: readonly CaseExportRow[],
  total: number,
  today: string,
): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const sheet = addTableSheet(
    workbook,
    '案件清单',
    COLUMNS,
    rows.map((row) => [
      row.case_no,
      row.item_name,
      row.applicant_name,
      row.doc_number ? maskDocument(row.doc_type as DocumentType, row.doc_number) : '',
      CASE_STATE_LABELS[row.state],
      CHANNEL_LABELS[row.channel],
      row.accepted_date ?? '',
      row.due_date ?? '',
      row.completed_date ?? '',
      isOverdue(row, today) ? '是' : '否',
    ]),
  );
  if (total > rows.length) {
    sheet.addRow([]);
    sheet.addRow([
      `共 ${total} 条，仅导出前 ${rows.length} 条。请缩小受理日期或状态等筛选条件后分批导出。`,
    ]).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  return workbook;
}

export function caseListFileName(nowIso: string): string {
  return `案件清单-${shanghaiDate(nowIso).replaceAll('-', '')}.xlsx`;
}
