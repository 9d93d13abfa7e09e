import { describe, expect, it } from 'vitest';
import { DISPUTE_SOURCES, DISPUTE_TYPES } from '../mediation/vocabulary';
import { checkCountyDisputeSources, checkCountyDisputeTypes } from './county-edition';

const codes = (list: readonly string[]) => list.map((code) => ({ code }));

describe('checkCountyDisputeTypes', () => {
  it.each([
    ['the closed list as it is', [...DISPUTE_TYPES], []],
    ['reordered', [...DISPUTE_TYPES].reverse(), []],
    ['one dropped', DISPUTE_TYPES.filter((code) => code !== 'medical'), ['CODE_DROPPED']],
    ['one added', [...DISPUTE_TYPES, 'fishing'], ['CODE_ADDED']],
    [
      'one swapped for another',
      [...DISPUTE_TYPES.filter((code) => code !== 'other'), 'misc'],
      ['CODE_DROPPED', 'CODE_ADDED'],
    ],
  ])('%s', (_, list, expected) => {
    expect(checkCountyDisputeTypes(codes(list)).map((problem) => problem.code)).toEqual(expected);
  });

  it('names the codes in the message', () => {
    const [problem] = checkCountyDisputeTypes(codes([...DISPUTE_TYPES, 'fishing']));
    expect(problem?.message).toBe('纠纷类型含有统计口径以外的代码：fishing');
  });
});

describe('checkCountyDisputeSources', () => {
  it.each([
    ['the closed list as it is', [...DISPUTE_SOURCES], []],
    ['one dropped', DISPUTE_SOURCES.slice(1), ['CODE_DROPPED']],
    ['one added', [...DISPUTE_SOURCES, 'letters_visits'], ['CODE_ADDED']],
  ])('%s', (_, list, expected) => {
    expect(checkCountyDisputeSources(codes(list)).map((problem) => problem.code)).toEqual(expected);
  });
});
