import type { MethodOutput } from '@shared/api';
import {
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
  referenceLabel,
  type MediationReferenceFile,
  type ReferenceEntry,
} from '@shared/domain/catalogue/mediation-reference';
import disputeTypes from '../../../../resources/dispute-types.json';
import reference from '../../../../resources/mediation-reference.json';
import { DomainError } from '../../core/errors';

/** Parsed on use: shipped data is still input, and a broken file must fail loudly, not half-load. */
export function mediationReference(): MediationReferenceFile {
  return mediationReferenceFileSchema.parse(reference);
}

/** What the screens offer: the lists above and the dispute types with their descriptions. */
export function referenceForScreens(): MethodOutput<'mediation.reference'> {
  return {
    ...mediationReference(),
    disputeTypes: disputeTypesFileSchema.parse(disputeTypes).types,
  };
}

/** Refuses a code the reference list does not know, naming the field. */
export function ensureCode(
  entries: readonly ReferenceEntry[],
  code: string,
  field: string,
  what: string,
): void {
  if (!entries.some((entry) => entry.code === code)) {
    throw new DomainError('INVALID_INPUT', `未知的${what}：${code}`, { [field]: `请选择${what}` });
  }
}

export { referenceLabel };
