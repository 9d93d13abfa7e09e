import type { MethodOutput } from '@shared/api';
import {
  referenceLabel,
  type MediationReferenceFile,
  type ReferenceEntry,
} from '@shared/domain/catalogue/mediation-reference';
import { DomainError } from '../../core/errors';
import type { Runtime } from '../../core/runtime';
import type { MediationLists } from './lists-cache';

export function mediationLists(rt: Runtime): Promise<MediationLists> {
  return rt.mediationLists.get(rt.db);
}

export async function mediationReference(rt: Runtime): Promise<MediationReferenceFile> {
  return (await mediationLists(rt)).reference;
}

/** What the screens offer: the lists above and the dispute types with their descriptions. */
export async function referenceForScreens(
  rt: Runtime,
): Promise<MethodOutput<'mediation.reference'>> {
  const lists = await mediationLists(rt);
  return { ...lists.reference, disputeTypes: lists.disputeTypes.types };
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
