import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { addCase } from '../../testing/case-rows';
import { caseListWith, listLetters, SCENE_TIMEOUT_MS } from '../../testing/cases';

/**
 * The list scenario (C overdue, H a draft within its hand-off limit) on Friday 2026-11-27, with two
 * more agency cases of the village: L a draft whose hand-off was due on Tuesday the 24th, and M
 * handed over late, which the township now has and which no longer runs against the hand-off.
 */
const test = caseListWith(async (db, s) => {
  const agency = {
    orgUnitId: s.village,
    channel: 'agency',
    createdBy: s.agent.userId,
    agentUserId: s.agent.userId,
    agencyOrgId: s.village,
  } as const;
  return {
    ...s.ids,
    L: await addCase(db, {
      ...agency,
      caseNo: '330302001001-01-20261119-0001',
      item: s.items.dibao,
      resident: s.residents.wang,
      state: 'agency_draft',
      createdAt: '2026-11-19T02:00:00.000Z',
      handoffDueDate: '2026-11-24',
    }),
    M: await addCase(db, {
      ...agency,
      caseNo: '330302001001-01-20261118-0001',
      item: s.items.jiuzhu,
      resident: s.residents.li,
      state: 'awaiting_receipt',
      createdAt: '2026-11-18T02:00:00.000Z',
      handoffDueDate: '2026-11-23',
      handedOverAt: '2026-11-25T02:00:00.000Z',
      history: ['agency_draft'],
    }),
  };
})
  /** cases.list as the clerk (or `token`) sees it, as the letters of the scene's cases and L, M. */
  .extend('letters', ({ harness: h, township: s, added: ids }) => {
    return (input: MethodInput<'cases.list'>, token = s.clerk.token) =>
      listLetters(h, ids, input, token);
  });

describe('只看超期', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('lists exactly the cases the list badges 已超期, a draft past its hand-off among them', async ({
    harness: h,
    township: s,
    letters,
  }) => {
    const { rows } = await h.ok('cases.list', {}, s.clerk.token);
    const badged = rows.filter((row) => row.deadline === 'overdue').map((row) => row.id);
    const overdue = await h.ok('cases.list', { overdueOnly: true }, s.clerk.token);
    expect(overdue.rows.map((row) => row.id)).toEqual(badged);
    expect(await letters({ overdueOnly: true })).toEqual(['L', 'C']);
    expect(overdue.total).toBe(2);
  });

  test('keeps the draft last by due date, which it does not have yet', async ({ letters }) => {
    expect(await letters({ overdueOnly: true, sortBy: 'dueDate', sortDir: 'asc' })).toEqual([
      'C',
      'L',
    ]);
  });

  test('shows the village agent their late draft', async ({ township: s, letters }) => {
    expect(await letters({ overdueOnly: true }, s.agent.token)).toEqual(['L']);
  });

  test('marks the late draft 是否超期 in the export of the overdue list', async ({
    harness: h,
    township: s,
  }) => {
    const file = await h.ok('cases.exportExcel', { overdueOnly: true }, s.clerk.token);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = [2, 3].map((n) => [
      sheet.getRow(n).getCell(1).value,
      sheet.getRow(n).getCell(10).value,
    ]);
    expect(rows).toEqual([
      ['330302001001-01-20261119-0001', '是'],
      ['330302001-01-20261116-0001', '是'],
    ]);
  });
});
