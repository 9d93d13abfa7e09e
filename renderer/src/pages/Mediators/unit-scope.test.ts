import type { OrgUnit } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { unitsInScope } from './unit-scope';

const unit = (id: string, parentId: string | null): OrgUnit => ({
  id,
  parentId,
  code: id,
  name: id,
  level: 'village',
});

describe('unitsInScope', () => {
  const tree = [
    unit('county', null),
    unit('township', 'county'),
    unit('villageA', 'township'),
    unit('other', 'county'),
    unit('villageB', 'township'),
  ];

  it('lists the unit and those below it, parents first', () => {
    expect(unitsInScope(tree, 'township').map((u) => u.id)).toEqual([
      'township',
      'villageA',
      'villageB',
    ]);
  });

  it('is empty for a unit the tree does not hold', () => {
    expect(unitsInScope(tree, 'elsewhere')).toEqual([]);
  });
});
