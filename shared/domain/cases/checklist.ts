import { passed, refused, type RuleError, type RuleResult } from '../result';

/**
 * Whether the materials checked at the window make an application complete. An always-required
 * material (必交) counts only when received; a conditional one (视情形提交) counts as required unless
 * the clerk marks its situation as not applying; an optional one (选交) never holds a case up.
 */

export const MATERIAL_STATUSES = ['received', 'missing', 'not_applicable'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export interface ChecklistEntry {
  name: string;
  required: boolean;
  condition: string | null;
  status: MaterialStatus;
}

export function isMissingRequired(entry: ChecklistEntry): boolean {
  if (!entry.required || entry.status === 'received') return false;
  return !(entry.condition !== null && entry.status === 'not_applicable');
}

/** Every material that keeps the application incomplete, in checklist order. */
export function missingRequired<T extends ChecklistEntry>(entries: readonly T[]): T[] {
  return entries.filter(isMissingRequired);
}

type IntakeOutcome = 'complete' | 'incomplete' | 'not_ours';
type ChecklistErrorCode = 'MATERIALS_INCOMPLETE' | 'NOTHING_MISSING';

/**
 * The clerk's chosen outcome must agree with the checklist: 受理 only with nothing required missing,
 * a one-time notice only when something is. Refusing an application (不予受理) is about the item,
 * not the materials, so any checklist goes with it.
 */
export function checkOutcome(
  outcome: IntakeOutcome,
  entries: readonly ChecklistEntry[],
): RuleResult<null, RuleError<ChecklistErrorCode>> {
  const missing = missingRequired(entries);
  if (outcome === 'complete' && missing.length > 0) {
    return refused(
      'MATERIALS_INCOMPLETE',
      `材料不齐，不能受理。尚缺：${missing.map((entry) => entry.name).join('、')}`,
    );
  }
  if (outcome === 'incomplete' && missing.length === 0) {
    return refused('NOTHING_MISSING', '必交材料已齐全，请直接受理，无需出具一次性告知单');
  }
  return passed(null);
}

/** The power of attorney (授权委托书) an agency case must carry, found by its name. */
export function isPowerOfAttorney(name: string): boolean {
  return name.includes('委托书');
}
