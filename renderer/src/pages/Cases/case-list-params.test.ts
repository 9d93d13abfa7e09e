import { caseListInputSchema } from '@shared/api';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  hasFilters,
  QUERY_MAX_LENGTH,
  readParams,
  toExportInput,
  toListInput,
  writeParams,
  type CaseListParams,
} from './case-list-params';

const FULL: CaseListParams = {
  query: '张三',
  states: ['accepted', 'processing'],
  itemId: 'item-1',
  from: '2026-11-01',
  to: '2026-11-27',
  channel: 'agency',
  agentUserId: 'user-7',
  overdueOnly: true,
  page: 3,
  pageSize: 50,
  sortBy: 'dueDate',
  sortDir: 'asc',
};

describe('case list params', () => {
  it('survive the round trip through the address bar', () => {
    expect(readParams(writeParams(FULL))).toEqual(FULL);
    expect(readParams(writeParams(DEFAULT_PARAMS))).toEqual(DEFAULT_PARAMS);
  });

  it('leave the defaults out of the address', () => {
    expect(writeParams(DEFAULT_PARAMS).toString()).toBe('');
    expect(writeParams({ ...DEFAULT_PARAMS, page: 2 }).toString()).toBe('page=2');
  });

  it('fall back field by field on a damaged link', () => {
    const read = readParams(
      new URLSearchParams(
        'states=accepted,bogus&from=27/11/2026&page=-4&size=7&sort=name&dir=up&channel=x',
      ),
    );
    expect(read).toEqual({ ...DEFAULT_PARAMS, states: ['accepted'] });
  });

  it('say whether anything filters the list', () => {
    expect(hasFilters(DEFAULT_PARAMS)).toBe(false);
    expect(hasFilters({ ...DEFAULT_PARAMS, page: 4, sortBy: 'caseNo' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_PARAMS, overdueOnly: true })).toBe(true);
  });

  it('make inputs the contract accepts, the export without the page', () => {
    expect(caseListInputSchema.parse(toListInput(FULL))).toMatchObject({
      page: 3,
      pageSize: 50,
      states: ['accepted', 'processing'],
      agentUserId: 'user-7',
    });
    expect(toExportInput(FULL)).not.toHaveProperty('page');
    expect(toListInput(DEFAULT_PARAMS)).toEqual({
      query: '',
      states: [],
      overdueOnly: false,
      sortBy: 'createdAt',
      sortDir: 'desc',
      page: 1,
      pageSize: 20,
    });
    expect(QUERY_MAX_LENGTH).toBe(40);
  });
});
