import type { ErrorCode } from '@shared/api';
import type { RuleError, RuleResult } from '@shared/domain/result';
import { DomainError } from '../../core/errors';

/** A domain rule's refusal, with its code and Chinese message, as the API's error. */
export function enforce<T, C extends ErrorCode>(result: RuleResult<T, RuleError<C>>): T {
  if (!result.ok) throw new DomainError(result.error.code, result.error.message);
  return result.value;
}
