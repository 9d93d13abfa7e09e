import type { ReactNode } from 'react';

/** residents.create names its fields after the resident record; the party form after the party. */
export const RESIDENT_FIELDS: Record<string, string> = {
  docNumber: 'idNumber',
  docType: 'idType',
  confirmNotDuplicate: 'idNumber',
};

/**
 * The backend's field messages under `prefix` (e.g. 'party.' or 'parties.1.') as the party form's
 * own field names. A refusal that names no field of the party lands on `form`, so it is never lost.
 */
export function fieldsUnder(
  fields: Record<string, string> | undefined,
  prefix: string,
  rename: Record<string, string>,
  message: string,
): Record<string, ReactNode> {
  const errors: Record<string, ReactNode> = {};
  for (const [path, text] of Object.entries(fields ?? {})) {
    if (!path.startsWith(prefix)) continue;
    const field = path.slice(prefix.length);
    errors[rename[field] ?? field] = text;
  }
  if (Object.keys(errors).length === 0) errors.form = message;
  return errors;
}
