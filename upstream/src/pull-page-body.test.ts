import { describe, expect, it } from 'vitest';
import { checkedPulledRecord } from '@shared/sync/pulled-record-check';
import { pageBody } from './pull-page-body';

const record = (applicant: string) => ({
  table: 'cases',
  recordId: '0190abcd-0000-7000-8000-000000000001',
  orgUnitId: '00000000-0000-8000-8009-330324108000',
  version: '2026-12-07T01:00:00.000Z-0000-terminal-1',
  columns: { applicant_name: applicant, note: 'a "quoted"\\ line\nnext', promised_days: 20 },
  access: 'owner',
});

describe('a pull page written as bytes', () => {
  it('is the JSON the terminal parses and checks, whatever the records hold', () => {
    // Chinese (3 bytes a unit), a rare character outside the BMP (a surrogate pair, 4 bytes),
    // and what JSON must escape, as PostgreSQL's json_build_object writes them.
    const records = [record('王秀英'), record('𠮷野家'), record('"\\\u0001')];
    const body = pageBody(
      records.map((r) => JSON.stringify(r)),
      { cursor: '12/cases/0190abcd-0000-7000-8000-000000000001/40/28', more: true, remaining: 28 },
    );
    const page = JSON.parse(body.toString('utf8')) as { records: unknown[] };
    expect(page).toEqual({
      records,
      cursor: '12/cases/0190abcd-0000-7000-8000-000000000001/40/28',
      more: true,
      remaining: 28,
    });
    expect(page.records.map((r) => checkedPulledRecord(r))).toEqual(records);
    expect(body.length).toBe(Buffer.byteLength(JSON.stringify(page)));
  });

  it('writes an empty page', () => {
    const body = pageBody([], { cursor: '0//', more: false, remaining: 0 });
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      records: [],
      cursor: '0//',
      more: false,
      remaining: 0,
    });
  });
});
