import { describe, expect, it } from 'vitest';
import { packFieldVersions, unpackFieldVersions } from './record-store';

const V1 = '2026-12-07T00:59:00.001Z-0000-00000000-0000-7000-8000-000000000001';
const V2 = '2026-12-07T00:59:00.002Z-0000-00000000-0000-7000-8000-000000000002';

describe('field versions as stored', () => {
  const cases: [string, Record<string, string | null>, Record<string, string>][] = [
    ['an insert: one version for every column', { a: 'x', b: 'y' }, { a: V1, b: V1 }],
    ['a later change of one column', { a: 'x', b: 'y', c: 'z' }, { a: V1, b: V2, c: V1 }],
    ['a column without a version of its own', { a: 'x', b: 'y' }, { a: V1 }],
    ['a version of a column the record lacks', { a: 'x' }, { a: V1, gone: V2 }],
    ['no versions at all', { a: 'x' }, {}],
  ];
  it.each(cases)('%s', (_title, columns, versions) => {
    const packed = packFieldVersions(columns, versions);
    expect(unpackFieldVersions(columns, packed)).toEqual({ fieldVersions: versions });
    expect(JSON.stringify(packed).length).toBeLessThanOrEqual(JSON.stringify(versions).length + 80);
  });

  it('names the common version once', () => {
    const columns = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, i]));
    const versions = Object.fromEntries(Object.keys(columns).map((c) => [c, V1]));
    expect(packFieldVersions(columns, { ...versions, c3: V2 })).toEqual({ '*': V1, c3: V2 });
  });

  it('reads a map written without packing as it is', () => {
    expect(unpackFieldVersions({ a: 'x' }, { a: V2 })).toEqual({ fieldVersions: { a: V2 } });
  });

  it('keeps the versions taken from each terminal beside the columns', () => {
    const columns = { a: 'x', b: 'y' };
    const versions = { a: V1, b: V2 };
    const takenFrom = { 'terminal-1': V2, 'terminal-2': V1 };
    const packed = packFieldVersions(columns, versions, takenFrom);
    expect(packed).toMatchObject({ '@terminal-1': V2, '@terminal-2': V1 });
    expect(unpackFieldVersions(columns, packed)).toEqual({ fieldVersions: versions, takenFrom });
    expect(unpackFieldVersions({ a: 'x' }, packFieldVersions({ a: 'x' }, {}, takenFrom))).toEqual({
      fieldVersions: {},
      takenFrom,
    });
  });
});
