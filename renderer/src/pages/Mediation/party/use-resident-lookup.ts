import { validateDocument } from '@shared/domain/identity/documents';
import { useState } from 'react';
import { useApiClient } from '../../../api';
import { unwrap } from '../../../api/errors';
import { todayIso } from '../../../lib/time';
import type { PartyFormValues } from './party-values';

/**
 * The document number first: a known resident fills the party in (一人一档), an unknown one is
 * offered a new record. Runs on leaving the field once the number is valid, on Enter or on the
 * button; answers whether the resident was found, null when nothing was looked up.
 */
export function useResidentLookup(
  value: PartyFormValues,
  onChange: (patch: Partial<PartyFormValues>) => void,
) {
  const client = useApiClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(asked: boolean): Promise<'found' | 'new' | null> {
    if (value.stored !== null || (value.lookedUp && !asked)) return null;
    setError(null);
    const document = validateDocument(value.idType, value.idNumber, todayIso());
    if (!document.ok) {
      if (asked) setError(document.error.message);
      return null;
    }
    setPending(true);
    try {
      const found = unwrap(
        await client.call('residents.findByDocument', {
          docType: value.idType,
          docNumber: document.value.number,
        }),
      );
      if (!found) {
        onChange({
          lookedUp: true,
          resident: null,
          createResident: true,
          gender: value.gender ?? document.value.gender,
          birthDate: value.birthDate ?? document.value.birthDate,
        });
        return 'new';
      }
      // A resident of another village found by the whole number is not the caller's to open.
      const detail = await client.call('residents.get', { residentId: found.id });
      onChange({
        lookedUp: true,
        createResident: false,
        resident: { id: found.id, name: found.name, phoneMasked: found.phoneMasked },
        name: found.name,
        gender: found.gender ?? document.value.gender,
        birthDate: document.value.birthDate,
        ethnicity: (detail.ok ? detail.value.ethnicity : null) ?? value.ethnicity,
        address: found.address ?? value.address,
      });
      return 'found';
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '查找居民档案失败，请重试');
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error };
}
