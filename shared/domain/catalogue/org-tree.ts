import type { OrgLevel } from '@shared/api/roles';
import { findDuplicates, type ReferenceProblem } from './reference-data';

/**
 * The consistency of an org tree as shipped in resources/demo-org-tree.json or pulled from the hub:
 * division codes of the right length for their level (county 6, township 9, village 12 digits), every
 * parent present and one level up, and every code extending its parent's code by three digits.
 */

export interface OrgTreeNode {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
}

const CODE_LENGTH: Record<OrgLevel, number> = { county: 6, township: 9, village: 12 };
const PARENT_LEVEL: Record<OrgLevel, OrgLevel | null> = {
  county: null,
  township: 'county',
  village: 'township',
};
const LEVEL_LABEL: Record<OrgLevel, string> = {
  county: '县级',
  township: '乡镇（街道）',
  village: '村（社区）',
};

type OrgTreeProblemCode =
  | 'BAD_CODE'
  | 'EMPTY_NAME'
  | 'DUPLICATE_CODE'
  | 'COUNTY_HAS_PARENT'
  | 'MISSING_PARENT'
  | 'PARENT_NOT_FOUND'
  | 'WRONG_PARENT_LEVEL'
  | 'CODE_NOT_UNDER_PARENT'
  | 'DUPLICATE_NAME_UNDER_PARENT';
type OrgTreeProblem = ReferenceProblem<OrgTreeProblemCode>;

export function checkOrgTree(nodes: readonly OrgTreeNode[]): OrgTreeProblem[] {
  const problems: OrgTreeProblem[] = [];
  const byCode = new Map<string, OrgTreeNode>();
  for (const node of nodes) if (!byCode.has(node.code)) byCode.set(node.code, node);

  for (const index of findDuplicates(nodes, (node) => node.code)) {
    problems.push({
      code: 'DUPLICATE_CODE',
      message: `行政区划代码 ${nodes[index]?.code} 重复`,
      path: [index, 'code'],
    });
  }

  nodes.forEach((node, index) => {
    const length = CODE_LENGTH[node.level];
    if (!new RegExp(`^\\d{${length}}$`).test(node.code)) {
      problems.push({
        code: 'BAD_CODE',
        message: `${node.name}：${LEVEL_LABEL[node.level]}行政区划代码应为 ${length} 位数字`,
        path: [index, 'code'],
      });
    }
    if (node.name.trim() === '') {
      problems.push({
        code: 'EMPTY_NAME',
        message: `${node.code}：名称不能为空`,
        path: [index, 'name'],
      });
    }

    const parentLevel = PARENT_LEVEL[node.level];
    if (parentLevel === null) {
      if (node.parentCode !== null) {
        problems.push({
          code: 'COUNTY_HAS_PARENT',
          message: `${node.name}：县级单位不应有上级`,
          path: [index, 'parentCode'],
        });
      }
      return;
    }
    if (node.parentCode === null) {
      problems.push({
        code: 'MISSING_PARENT',
        message: `${node.name}：${LEVEL_LABEL[node.level]}单位应有上级`,
        path: [index, 'parentCode'],
      });
      return;
    }
    const parent = byCode.get(node.parentCode);
    if (!parent) {
      problems.push({
        code: 'PARENT_NOT_FOUND',
        message: `${node.name}：找不到上级单位 ${node.parentCode}`,
        path: [index, 'parentCode'],
      });
      return;
    }
    if (parent.level !== parentLevel) {
      problems.push({
        code: 'WRONG_PARENT_LEVEL',
        message: `${node.name}：上级应为${LEVEL_LABEL[parentLevel]}单位`,
        path: [index, 'parentCode'],
      });
      return;
    }
    if (node.code.length !== CODE_LENGTH[parentLevel] + 3 || !node.code.startsWith(parent.code)) {
      problems.push({
        code: 'CODE_NOT_UNDER_PARENT',
        message: `${node.name}：代码 ${node.code} 应以上级代码 ${parent.code} 开头并多 3 位`,
        path: [index, 'code'],
      });
    }
  });

  for (const index of findDuplicates(
    nodes,
    (node) => `${node.parentCode ?? ''}/${node.name.trim()}`,
  )) {
    problems.push({
      code: 'DUPLICATE_NAME_UNDER_PARENT',
      message: `同一上级下有两个“${nodes[index]?.name.trim()}”`,
      path: [index, 'name'],
    });
  }
  return problems;
}
