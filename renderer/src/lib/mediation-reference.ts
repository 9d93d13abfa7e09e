import {
  DISPUTE_TYPE_LABELS,
  DISPUTE_TYPES,
  type DisputeType,
} from '@shared/domain/mediation/vocabulary';
import { useApiQuery } from '../api';

interface ReferenceOption {
  code: string;
  label: string;
}

/** The reference lists as the backend checks them; they change only with a new edition. */
export function useMediationReference() {
  return useApiQuery('mediation.reference', {}, { staleTime: Infinity });
}

/** The label of a code, or the code itself while the lists load or when a newer edition sent it. */
export function referenceLabel(
  entries: readonly ReferenceOption[] | undefined,
  code: string | null,
): string {
  if (!code) return '—';
  return entries?.find((entry) => entry.code === code)?.label ?? code;
}

/** Select options from a reference list. */
export function referenceOptions(entries: readonly ReferenceOption[] | undefined) {
  return (entries ?? []).map((entry) => ({ value: entry.code, label: entry.label }));
}

/**
 * The dispute types as the county's edition names and orders them (the shipped list until one is
 * applied); the statistical labels stand in while the lists load. The codes are the closed list.
 */
export function useDisputeTypes() {
  const reference = useMediationReference();
  const types = reference.data?.disputeTypes;
  const options = types
    ? types.map((type) => ({ value: type.code as DisputeType, label: type.label }))
    : DISPUTE_TYPES.map((type) => ({ value: type, label: DISPUTE_TYPE_LABELS[type] }));
  const labels = new Map<string, string>(options.map((option) => [option.value, option.label]));
  return {
    options,
    descriptions: new Map((types ?? []).map((type) => [type.code, type.description])),
    label: (code: string) => labels.get(code) ?? code,
  };
}
