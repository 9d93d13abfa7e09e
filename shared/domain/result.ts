/**
 * What a domain rule answers: the same `{ ok, value | error }` shape as the API's Result, so a service
 * can hand a rule's Chinese message straight to the person at the counter. The code set is the rule's
 * own; the backend maps it to an API error code.
 */
export interface RuleError<C extends string = string> {
  /** Stable, upper-snake code that tests and the UI branch on. */
  code: C;
  /** Chinese, fit to show to the person at the counter. */
  message: string;
}

export type RuleResult<T, E extends RuleError = RuleError> =
  { ok: true; value: T } | { ok: false; error: E };

export function passed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function refused<C extends string>(
  code: C,
  message: string,
): { ok: false; error: RuleError<C> } {
  return { ok: false, error: { code, message } };
}
