import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { PUSH_BATCH_MAX, pushRequestSchema } from '@shared/sync/records-contract';
import { parsePushRequest } from './push-request-check';

const ENTRY = {
  seq: 7,
  txId: '0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
  table: 'cases',
  recordId: '0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6c',
  op: 'insert',
  baseVersion: null,
  version: '2026-12-07T08:00:00.000Z-0000-0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
  columns: { case_no: '330302001-01-20261207-0001', fee_fen: 0, deleted_at: null },
  schemaVersion: 42,
  at: '2026-12-07T08:00:00.000Z',
};
const EPOCH = '0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6d';
const body = (...entries: unknown[]) => ({ epoch: EPOCH, entries });
const withEntry = (change: Record<string, unknown>) => body(ENTRY, { ...ENTRY, ...change });

const BROKEN: [string, unknown][] = [
  ['no object', 'push'],
  ['null', null],
  ['an array', [ENTRY]],
  ['no epoch', { entries: [ENTRY] }],
  ['an epoch that is no uuid', { epoch: 'epoch-1', entries: [ENTRY] }],
  ['entries that are no array', { epoch: EPOCH, entries: { 0: ENTRY } }],
  ['no entries', { epoch: EPOCH }],
  ['too many entries', body(...Array.from({ length: PUSH_BATCH_MAX * 2 + 1 }, () => ENTRY))],
  ['an entry that is null', body(ENTRY, null)],
  ['an entry that is an array', body([ENTRY])],
  ['a seq of 0', withEntry({ seq: 0 })],
  ['a negative seq', withEntry({ seq: -3 })],
  ['a seq that is a fraction', withEntry({ seq: 1.5 })],
  ['a seq past the safe integers', withEntry({ seq: 2 ** 53 })],
  ['a seq as text', withEntry({ seq: '7' })],
  ['no seq', withEntry({ seq: undefined })],
  ['a txId that is no uuid', withEntry({ txId: 'tx-1' })],
  ['a txId with a bad variant', withEntry({ txId: '0193a5b2-7c4d-7e8f-1a0b-1c2d3e4f5a6b' })],
  ['an unknown table', withEntry({ table: 'users' })],
  ['a table that is no string', withEntry({ table: 3 })],
  ['a record id with a trailing newline', withEntry({ recordId: `${ENTRY.recordId}\n` })],
  ['no record id', withEntry({ recordId: undefined })],
  ['an unknown op', withEntry({ op: 'upsert' })],
  ['no baseVersion', withEntry({ baseVersion: undefined })],
  ['an empty baseVersion', withEntry({ baseVersion: '' })],
  ['a baseVersion over 100 characters', withEntry({ baseVersion: 'v'.repeat(101) })],
  ['an empty version', withEntry({ version: '' })],
  ['a version that is null', withEntry({ version: null })],
  ['a version over 100 characters', withEntry({ version: 'v'.repeat(101) })],
  ['columns that are null', withEntry({ columns: null })],
  ['columns that are an array', withEntry({ columns: ['a'] })],
  ['columns that are a date', withEntry({ columns: new Date() })],
  ['a column that is an object', withEntry({ columns: { note: { text: 'x' } } })],
  ['a column that is a boolean', withEntry({ columns: { paid: true } })],
  ['a column that is not finite', withEntry({ columns: { fee_fen: Infinity } })],
  ['a column that is NaN', withEntry({ columns: { fee_fen: Number.NaN } })],
  ['a column left undefined', withEntry({ columns: { note: undefined } })],
  ['a negative schemaVersion', withEntry({ schemaVersion: -1 })],
  ['a schemaVersion that is a fraction', withEntry({ schemaVersion: 2.5 })],
  ['no schemaVersion', withEntry({ schemaVersion: undefined })],
  ['an at that is no string', withEntry({ at: 17 })],
  ['no at', withEntry({ at: undefined })],
  ['a settlesRefusal that is no boolean', withEntry({ settlesRefusal: 'yes' })],
  ['a settlesRefusal that is null', withEntry({ settlesRefusal: null })],
];

const STILL_VALID: [string, unknown][] = [
  ['as sent', body(ENTRY)],
  ['no entries at all', body()],
  [
    'the most entries a push may carry',
    body(...Array.from({ length: PUSH_BATCH_MAX * 2 }, () => ENTRY)),
  ],
  ['fields the contract does not name', { ...withEntry({ extra: 1 }), more: { any: 'thing' } }],
  ['an update with its base', withEntry({ op: 'update', baseVersion: ENTRY.version })],
  ['a delete', withEntry({ op: 'delete', baseVersion: ENTRY.version, columns: {} })],
  ['a settled refusal', withEntry({ settlesRefusal: true })],
  ['settlesRefusal false', withEntry({ settlesRefusal: false })],
  ['a nil uuid', withEntry({ recordId: '00000000-0000-0000-0000-000000000000' })],
  ['an upper-case uuid', withEntry({ txId: ENTRY.txId.toUpperCase() })],
  ['a schemaVersion of 0', withEntry({ schemaVersion: 0 })],
  ['a version of 100 characters', withEntry({ version: 'v'.repeat(100) })],
  ['real and negative numbers', withEntry({ columns: { a: -1.5, b: 0 } })],
  ['an at that is any text', withEntry({ at: 'yesterday' })],
  [
    'a "__proto__" column from JSON',
    withEntry({ columns: JSON.parse(`{"__proto__": {"x": 1}, "name": "张三"}`) as unknown }),
  ],
];

describe('parsePushRequest', () => {
  it.each(BROKEN)('refuses %s with the contract’s own error', (_name, value) => {
    const verdict = pushRequestSchema.safeParse(value);
    expect(verdict.success).toBe(false);
    let thrown: unknown;
    try {
      parsePushRequest(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues).toEqual(verdict.error!.issues);
  });

  it.each(STILL_VALID)('takes %s and answers what the contract answers', (_name, value) => {
    const verdict = pushRequestSchema.safeParse(value);
    expect(verdict.success).toBe(true);
    // Taken by the hand check itself, not handed to the schema's slower walk.
    const schemaParse = vi.spyOn(pushRequestSchema, 'parse');
    try {
      expect(parsePushRequest(value)).toStrictEqual(verdict.data);
      expect(schemaParse).not.toHaveBeenCalled();
    } finally {
      schemaParse.mockRestore();
    }
  });
});
