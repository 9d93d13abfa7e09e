import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { normaliseIdNumber } from '@shared/domain/identity/resident-id';
import { useApiClient } from '../../../api';
import { ApiCallError, unwrap } from '../../../api/errors';
import type { PartyFormValues } from './party-values';

function confirmNotDuplicate(message: string): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: '可能已有此人的档案',
      children: (
        <Text size="sm">
          {message}。如确认不是同一人，将新建居民档案；否则请取消，改用已有档案的证件号码。
        </Text>
      ),
      labels: { confirm: '不是同一人，新建档案', cancel: '取消' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * Creates the resident records the person asked for (a party looked up and not found), so that the
 * dispute appears in the resident's 一人一档. Answers the parties linked to their new records, or
 * throws the refusal of the first that failed, with the index of its party.
 */
export function useCreateResidents() {
  const client = useApiClient();
  return async function createResidents(parties: PartyFormValues[]): Promise<PartyFormValues[]> {
    const linked: PartyFormValues[] = [];
    for (const [index, party] of parties.entries()) {
      const wanted =
        party.kind === 'person' && !party.resident && party.createResident && party.idNumber.trim();
      if (!wanted) {
        linked.push(party);
        continue;
      }
      const input = {
        name: party.name.trim(),
        phone: party.phone.trim() || null,
        address: party.address.trim() || null,
        ethnicity: party.ethnicity.trim() || null,
        villageOrgId: null,
        docType: party.idType,
        docNumber: normaliseIdNumber(party.idNumber),
      };
      let result = await client.call('residents.create', input);
      if (!result.ok && result.error.code === 'RESIDENT_POSSIBLE_DUPLICATE') {
        if (!(await confirmNotDuplicate(result.error.message))) {
          throw new PartyResidentError(index, new ApiCallError(result.error));
        }
        result = await client.call('residents.create', { ...input, confirmNotDuplicate: true });
      }
      if (!result.ok) throw new PartyResidentError(index, new ApiCallError(result.error));
      const resident = unwrap(result);
      linked.push({
        ...party,
        resident: { id: resident.id, name: resident.name, phoneMasked: resident.phoneMasked },
        createResident: false,
      });
    }
    return linked;
  };
}

/** A resident record that could not be created, with the party it was for. */
export class PartyResidentError extends Error {
  constructor(
    readonly partyIndex: number,
    override readonly cause: ApiCallError,
  ) {
    super(cause.message);
    this.name = 'PartyResidentError';
  }
}
