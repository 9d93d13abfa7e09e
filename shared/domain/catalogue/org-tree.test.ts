import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoOrgNodeSchema } from '@shared/api/methods/setup';
import shipped from '../../../resources/demo-org-tree.json';
import { checkOrgTree, type OrgTreeNode } from './org-tree';

const demoTreeSchema = z.object({ countyName: z.string(), nodes: z.array(demoOrgNodeSchema) });

describe('resources/demo-org-tree.json', () => {
  const tree = demoTreeSchema.parse(shipped);
  const county = tree.nodes.filter((n) => n.level === 'county');
  const townships = tree.nodes.filter((n) => n.level === 'township');
  const villages = tree.nodes.filter((n) => n.level === 'village');

  it('parses with the setup contract and is a consistent tree', () => {
    expect(checkOrgTree(tree.nodes)).toEqual([]);
  });

  it('is one Wenzhou county, named as countyName', () => {
    expect(county).toHaveLength(1);
    expect(county[0]?.code).toMatch(/^3303\d{2}$/);
    expect(county[0]?.name).toBe(tree.countyName);
    expect(county[0]?.parentCode).toBeNull();
  });

  it('has codes of 6, 9 and 12 digits by level', () => {
    const lengths = { county: 6, township: 9, village: 12 } as const;
    for (const node of tree.nodes)
      expect(node.code, node.name).toMatch(new RegExp(`^\\d{${lengths[node.level]}}$`));
  });

  it('has every parent present, with its code the prefix of its children', () => {
    const byCode = new Map(tree.nodes.map((n) => [n.code, n]));
    for (const node of tree.nodes) {
      if (node.parentCode === null) continue;
      expect(byCode.has(node.parentCode), node.name).toBe(true);
      expect(node.code.startsWith(node.parentCode), node.name).toBe(true);
      expect(node.code.length - node.parentCode.length).toBe(3);
    }
  });

  it('has at least 6 townships, each with 4 to 10 villages or communities', () => {
    expect(townships.length).toBeGreaterThanOrEqual(6);
    for (const township of townships) {
      const count = villages.filter((v) => v.parentCode === township.code).length;
      expect(count, township.name).toBeGreaterThanOrEqual(4);
      expect(count, township.name).toBeLessThanOrEqual(10);
    }
  });

  it('names townships as 街道/镇/乡 and villages as 村/社区', () => {
    for (const t of townships) expect(t.name).toMatch(/(街道|镇|乡)$/);
    for (const v of villages) expect(v.name).toMatch(/(村|社区)$/);
  });
});

describe('checkOrgTree', () => {
  const base: OrgTreeNode[] = [
    { code: '330302', name: '鹿城区', level: 'county', parentCode: null },
    { code: '330302006', name: '五马街道', level: 'township', parentCode: '330302' },
    { code: '330302006001', name: '墨池社区', level: 'village', parentCode: '330302006' },
  ];
  const codes = (nodes: OrgTreeNode[]) => checkOrgTree(nodes).map((p) => p.code);

  it('accepts a consistent tree', () => {
    expect(checkOrgTree(base)).toEqual([]);
  });

  it('refuses a code of the wrong length for its level', () => {
    expect(
      codes([
        ...base,
        { code: '3303020061', name: '错码村', level: 'village', parentCode: '330302006' },
      ]),
    ).toContain('BAD_CODE');
  });

  it('refuses a missing parent, an unknown parent and a parent at the wrong level', () => {
    expect(
      codes([
        ...base,
        { code: '330302007', name: '无上级街道', level: 'township', parentCode: null },
      ]),
    ).toEqual(['MISSING_PARENT']);
    expect(
      codes([
        ...base,
        { code: '330302009001', name: '孤村', level: 'village', parentCode: '330302009' },
      ]),
    ).toEqual(['PARENT_NOT_FOUND']);
    expect(
      codes([
        ...base,
        { code: '330302001', name: '错级村', level: 'village', parentCode: '330302' },
      ]),
    ).toEqual(['BAD_CODE', 'WRONG_PARENT_LEVEL']);
  });

  it('refuses a code that does not extend its parent code', () => {
    expect(
      codes([
        ...base,
        { code: '330303006002', name: '外区村', level: 'village', parentCode: '330302006' },
      ]),
    ).toEqual(['CODE_NOT_UNDER_PARENT']);
  });

  it('refuses a duplicate code, a county with a parent and a name used twice under one parent', () => {
    expect(codes([...base, { ...base[2]!, name: '另一社区' }])).toEqual(['DUPLICATE_CODE']);
    expect(codes([{ ...base[0]!, parentCode: '330300' }, ...base.slice(1)])).toEqual([
      'COUNTY_HAS_PARENT',
    ]);
    expect(
      codes([
        ...base,
        { code: '330302006002', name: '墨池社区', level: 'village', parentCode: '330302006' },
      ]),
    ).toEqual(['DUPLICATE_NAME_UNDER_PARENT']);
  });
});
