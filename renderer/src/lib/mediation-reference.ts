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
