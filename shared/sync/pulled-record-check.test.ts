import { describe, expect, it } from 'vitest';
import { checkedPulledRecord } from './pulled-record-check';
import { pulledRecordSchema } from './records-contract';

const VALID = {
  table: 'cases',
  recordId: '0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
  orgUnitId: 'unit-1',
  version: '2026-12-07T08:00:00.000Z-0000-0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
  columns: { case_no: '330302001-01-20261207-0001', fee_fen: 0, deleted_at: null },
  access: 'owner',
};

const BROKEN: [string, unknown][] = [
  ['not an object', 'cases'],
  ['null', null],
  ['an array', [VALID]],
  ['an unknown table', { ...VALID, table: 'users' }],
  ['a table that is no string', { ...VALID, table: 1 }],
  ['no table', { ...VALID, table: undefined }],
  ['a record id that is no uuid', { ...VALID, recordId: 'case-1' }],
  [
    'a record id with a bad variant',
    { ...VALID, recordId: '0193a5b2-7c4d-7e8f-1a0b-1c2d3e4f5a6b' },
  ],
  ['a record id with a trailing newline', { ...VALID, recordId: `${VALID.recordId}\n` }],
  ['an org unit that is no string', { ...VALID, orgUnitId: 7 }],
  ['no org unit', { ...VALID, orgUnitId: undefined }],
  ['an empty version', { ...VALID, version: '' }],
  ['a version over 100 characters', { ...VALID, version: 'v'.repeat(101) }],
  ['a version that is no string', { ...VALID, version: 3 }],
  ['columns that are an array', { ...VALID, columns: ['a'] }],
  ['columns that are null', { ...VALID, columns: null }],
  ['no columns', { ...VALID, columns: undefined }],
  ['a column that is an object', { ...VALID, columns: { note: { text: 'x' } } }],
  ['a column that is an array', { ...VALID, columns: { note: [1] } }],
  ['a column that is a boolean', { ...VALID, columns: { paid: true } }],
  ['a column that is not a finite number', { ...VALID, columns: { fee_fen: Infinity } }],
  ['a column that is NaN', { ...VALID, columns: { fee_fen: Number.NaN } }],
  ['a column left undefined', { ...VALID, columns: { note: undefined } }],
  ['columns that are a date', { ...VALID, columns: new Date() }],
  ['an unknown access', { ...VALID, access: 'admin' }],
  ['no access', { ...VALID, access: undefined }],
];

const STILL_VALID: [string, unknown][] = [
  ['as sent', VALID],
  ['with fields the contract does not name', { ...VALID, extra: { any: 'thing' } }],
  ['with no columns at all', { ...VALID, columns: {} }],
  ['a nil uuid', { ...VALID, recordId: '00000000-0000-0000-0000-000000000000' }],
  ['an upper-case uuid', { ...VALID, recordId: VALID.recordId.toUpperCase() }],
  ['a version of 100 characters', { ...VALID, version: 'v'.repeat(100) }],
  ['a reader', { ...VALID, access: 'reader', table: 'residents' }],
  ['a "__proto__" column from JSON', JSON.parse(`{"__proto__": 1, "name": "张三"}`) as unknown],
  ['real and negative numbers', { ...VALID, columns: { a: -1.5, b: 0 } }],
  [
    'a "__proto__" column holding an object, from JSON',
    { ...VALID, columns: JSON.parse(`{"__proto__": {"x": 1}, "name": "张三"}`) as unknown },
  ],
].map(([name, value]) =>
  name === 'a "__proto__" column from JSON' ? [name, { ...VALID, columns: value }] : [name, value],
) as [string, unknown][];

describe('checkedPulledRecord', () => {
  it.each(BROKEN)('refuses %s, as the contract does', (_name, value) => {
    expect(pulledRecordSchema.safeParse(value).success).toBe(false);
    expect(checkedPulledRecord(value)).toBeNull();
  });

  it.each(STILL_VALID)(
    'takes %s, as the contract does, and answers what it answers',
    (_n, value) => {
      const parsed = pulledRecordSchema.safeParse(value);
      expect(parsed.success).toBe(true);
      expect(checkedPulledRecord(value)).toEqual(parsed.data);
    },
  );
});
