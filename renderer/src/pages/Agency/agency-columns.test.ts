import type { CaseSummary } from '@shared/api';
import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AGENCY_CASE_COLUMNS } from './agency-columns';

const row = { id: 'case-1', caseNo: '330302001001-01-20261127-0001' } as CaseSummary;

describe('AGENCY_CASE_COLUMNS', () => {
  it('opens both agency tables with the case, the applicant and the item', () => {
    expect(AGENCY_CASE_COLUMNS.map((column) => [column.accessor, column.title])).toEqual([
      ['caseNo', '案件编号'],
      ['applicantName', '申请人'],
      ['itemName', '事项'],
    ]);
  });

  it('links the case number to the case page', () => {
    const cell = AGENCY_CASE_COLUMNS[0]!.render!(row, 0);
    expect(isValidElement(cell)).toBe(true);
    expect((cell as { props: { to: string; children: string } }).props).toMatchObject({
      to: '/cases/case-1',
      children: row.caseNo,
    });
  });
});
