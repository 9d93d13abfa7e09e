import { DISPUTE_SOURCES, DISPUTE_TYPES } from '../mediation/vocabulary';
import type { ReferenceProblem } from './reference-data';

/**
 * What a county's edition of the mediation lists may change. The dispute types and the dispute
 * sources are closed lists that records store and the statistics branch on (mediation/vocabulary.ts):
 * a county may relabel, describe and reorder them, but a code dropped would leave records and report
 * rows without a category, and a code added would be counted nowhere. Such an edition is refused
 * whole rather than applied in part.
 */

type CountyEditionProblemCode = 'CODE_DROPPED' | 'CODE_ADDED';

function closedListProblems(
  codes: readonly string[],
  closed: readonly string[],
  what: string,
): ReferenceProblem<CountyEditionProblemCode>[] {
  const given = new Set(codes);
  const known = new Set(closed);
  const problems: ReferenceProblem<CountyEditionProblemCode>[] = [];
  const dropped = closed.filter((code) => !given.has(code));
  const added = codes.filter((code) => !known.has(code));
  if (dropped.length > 0) {
    problems.push({
      code: 'CODE_DROPPED',
      message: `${what}缺少统计口径中的代码：${dropped.join('、')}`,
      path: [],
    });
  }
  if (added.length > 0) {
    problems.push({
      code: 'CODE_ADDED',
      message: `${what}含有统计口径以外的代码：${added.join('、')}`,
      path: [],
    });
  }
  return problems;
}

/** The dispute types of an edition against the statistical categories. */
export function checkCountyDisputeTypes(
  types: readonly { code: string }[],
): ReferenceProblem<CountyEditionProblemCode>[] {
  return closedListProblems(
    types.map((type) => type.code),
    DISPUTE_TYPES,
    '纠纷类型',
  );
}

/** The dispute sources of an edition against the ones the statistics count. */
export function checkCountyDisputeSources(
  sources: readonly { code: string }[],
): ReferenceProblem<CountyEditionProblemCode>[] {
  return closedListProblems(
    sources.map((source) => source.code),
    DISPUTE_SOURCES,
    '纠纷来源',
  );
}
