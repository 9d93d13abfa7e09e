import { ORG_LEVEL_LABELS, ORG_LEVELS, type OrgLevel } from '../../api/roles';
import type { Outcome } from './vocabulary';

/**
 * Escalation (上交) up the ladder village → township → county centre, and the level at which a case
 * counts as resolved for "小事不出村、大事不出镇". Ownership moves one step at a time so that a
 * township always sees what its villages pass up; the levels below keep read access and see the outcome.
 */

/** The part of an org unit this module reads; shared/api's OrgUnit fits it. */
export interface OrgNode {
  id: string;
  level: OrgLevel;
  parentId: string | null;
}

export interface Ownership {
  ownerOrgId: string;
  /** Org units that held the case before and keep read access. */
  readerOrgIds: readonly string[];
}

type EscalationErrorCode = 'UNKNOWN_ORG' | 'NOT_OWNER' | 'ESCALATION_AT_TOP' | 'NOT_DIRECT_PARENT';

type EscalationResult =
  | { ok: true; value: { ownerOrgId: string; readerOrgIds: string[] } }
  | { ok: false; error: { code: EscalationErrorCode; message: string } };

function refuse(code: EscalationErrorCode, message: string): EscalationResult {
  return { ok: false, error: { code, message } };
}

export function escalate(
  current: Ownership,
  fromOrgId: string,
  toOrgId: string,
  orgTree: readonly OrgNode[],
): EscalationResult {
  const unknown = () => refuse('UNKNOWN_ORG', '组织机构中找不到该单位，请先同步组织机构');
  const from = orgTree.find((org) => org.id === fromOrgId);
  if (!from) return unknown();
  if (current.ownerOrgId !== fromOrgId) {
    return refuse('NOT_OWNER', '只有当前承办单位才能上交此案件');
  }
  // By level, not by a missing parent: a county row may well carry its city's id as parent.
  if (from.level === 'county') {
    return refuse('ESCALATION_AT_TOP', '县级中心是调处化解的最高一级，不能再上交');
  }
  if (!orgTree.some((org) => org.id === toOrgId)) return unknown();
  if (from.parentId !== toOrgId) {
    const next = from.level === 'village' ? ORG_LEVEL_LABELS.township : ORG_LEVEL_LABELS.county;
    return refuse('NOT_DIRECT_PARENT', `只能上交给本单位所属的${next}`);
  }
  const readerOrgIds = current.readerOrgIds.includes(fromOrgId)
    ? [...current.readerOrgIds]
    : [...current.readerOrgIds, fromOrgId];
  return { ok: true, value: { ownerOrgId: toOrgId, readerOrgIds } };
}

interface ResolvableCase {
  /** Level of the org unit that owns the case now. */
  ownerLevel: OrgLevel;
  outcome: Outcome | null;
}

/**
 * The level where a case was resolved, or null while it is not (a failed or terminated case was not
 * resolved anywhere). The workflow allows no escalation after 调解成功, so the owner at resolution is
 * the owner now.
 */
export function resolutionLevel(resolvable: ResolvableCase): OrgLevel | null {
  return resolvable.outcome === 'succeeded' ? resolvable.ownerLevel : null;
}

interface LevelShare {
  count: number;
  /** Percent of all resolved cases, one decimal. */
  percent: number;
}

interface SharesByLevel {
  resolved: number;
  byLevel: Record<OrgLevel, LevelShare>;
}

/**
 * Counts and percentages of resolved cases by level. The percentages are rounded by largest remainder
 * so that the three always add up to exactly 100.0 on the printed report (naive rounding can give 99.9);
 * equal remainders are served in ORG_LEVELS order, so the same counts always print the same way.
 */
export function shareByLevel(cases: readonly ResolvableCase[]): SharesByLevel {
  const counts: Record<OrgLevel, number> = { county: 0, township: 0, village: 0 };
  for (const one of cases) {
    const level = resolutionLevel(one);
    if (level) counts[level] += 1;
  }
  const resolved = counts.county + counts.township + counts.village;
  // Work in tenths of a percent: 1000 to hand out, the leftover to the largest remainders.
  const shares = ORG_LEVELS.map((level) => {
    const exact = resolved === 0 ? 0 : (counts[level] * 1000) / resolved;
    return { level, tenths: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  const left = resolved === 0 ? 0 : 1000 - shares.reduce((sum, share) => sum + share.tenths, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder).slice(0, left)) {
    share.tenths += 1;
  }
  const tenths = new Map(shares.map((share) => [share.level, share.tenths]));
  const of = (level: OrgLevel): LevelShare => ({
    count: counts[level],
    percent: (tenths.get(level) ?? 0) / 10,
  });
  return {
    resolved,
    byLevel: { county: of('county'), township: of('township'), village: of('village') },
  };
}
