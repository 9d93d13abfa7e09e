import type { z } from 'zod';
import type { partyInputSchema } from '@shared/api/methods/mediation';
import { parsePhone } from '@shared/domain/contact/phone';
import { validateDocument, type DocumentType } from '@shared/domain/identity/documents';
import { DomainError } from '../../core/errors';
import type { DisputePartiesTable, SyncColumns } from '../../db/schema';
import { findResident, type PartyRow } from './parties-repository';
import { PARTY_NAME_SEPARATOR } from '../list/search-index';
import type { Db } from '../../db/queryable';

type DisputePartyInput = z.output<typeof partyInputSchema>;
export type PartyValues = Omit<
  DisputePartiesTable,
  keyof SyncColumns | 'dispute_id' | 'position' | 'notice_acknowledged_on' | 'notice_method'
>;

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function refuse(field: string, message: string): never {
  throw new DomainError('INVALID_INPUT', message, { [field]: message });
}

function phoneOf(value: string | null, field: string): string | null {
  if (value === null) return null;
  const parsed = parsePhone(value);
  if (!parsed.ok) refuse(field, parsed.error.message);
  return parsed.value.number;
}

/** A secret left out keeps what is stored; null clears it. */
function kept(value: string | null | undefined, stored: string | null): string | null {
  return value === undefined ? stored : value;
}

/**
 * Checks one party and fills what the resident register knows: the party row keeps its own copy of
 * the particulars, since an agreement states them as they stood when it was signed. `field` prefixes
 * the field names of a refusal (e.g. 'parties.1').
 */
export async function partyValues(
  db: Db,
  input: DisputePartyInput,
  today: string,
  field: string,
  stored?: PartyRow,
): Promise<PartyValues> {
  const agentPhone = phoneOf(
    kept(input.agentPhone, stored?.agent_phone ?? null),
    `${field}.agentPhone`,
  );
  if (input.agentName && !input.attorneyDate) {
    refuse(`${field}.attorneyDate`, '有委托代理人的，请填写授权委托书的日期');
  }
  if (input.attorneyDate && input.attorneyDate > today) {
    refuse(`${field}.attorneyDate`, '授权委托书日期不能晚于今天');
  }
  const agent = {
    agent_name: input.agentName,
    agent_phone: input.agentName ? agentPhone : null,
    attorney_date: input.agentName ? input.attorneyDate : null,
  };
  if (input.kind === 'organisation') {
    const phone = phoneOf(kept(input.phone, stored?.phone ?? null), `${field}.phone`);
    const creditCode = input.creditCode?.toUpperCase() ?? null;
    if (creditCode && !CREDIT_CODE.test(creditCode)) {
      refuse(`${field}.creditCode`, '统一社会信用代码应为 18 位数字或大写字母');
    }
    return {
      role: input.role,
      kind: 'organisation',
      resident_id: null,
      name: input.name,
      gender: null,
      ethnicity: null,
      birth_date: null,
      age: null,
      occupation: null,
      phone,
      address: input.address,
      id_type: null,
      id_number: null,
      credit_code: creditCode,
      representative: input.representative,
      ...agent,
    };
  }

  const resident = input.residentId ? await findResident(db, input.residentId) : null;
  if (input.residentId && !resident) refuse(`${field}.residentId`, '找不到该居民档案');
  const name = input.name ?? resident?.name ?? null;
  if (!name) refuse(`${field}.name`, '请填写当事人姓名');
  const phone = phoneOf(
    kept(input.phone, stored ? stored.phone : (resident?.phone ?? null)),
    `${field}.phone`,
  );
  let idType = input.idType ?? (resident?.doc_type as DocumentType | undefined) ?? null;
  let idNumber = kept(input.idNumber, stored?.id_number ?? resident?.doc_number ?? null);
  let gender = input.gender ?? resident?.gender ?? null;
  let birthDate = input.birthDate ?? resident?.birth_date ?? null;
  if (idNumber) {
    idType ??= 'resident_id';
    const document = validateDocument(idType, idNumber, today);
    if (!document.ok) refuse(`${field}.idNumber`, document.error.message);
    idNumber = document.value.number;
    gender ??= document.value.gender;
    birthDate ??= document.value.birthDate;
  } else {
    idType = null;
  }
  if (birthDate && birthDate > today) refuse(`${field}.birthDate`, '出生日期不能晚于今天');
  return {
    role: input.role,
    kind: 'person',
    resident_id: resident?.id ?? null,
    name,
    gender,
    ethnicity: input.ethnicity ?? resident?.ethnicity ?? null,
    birth_date: birthDate,
    age: input.age,
    occupation: input.occupation,
    phone,
    address: input.address ?? resident?.address ?? null,
    id_type: idType,
    id_number: idNumber,
    credit_code: null,
    representative: null,
    ...agent,
  };
}

/** The denormalised names that lists show and the search index reads. */
export function partyNamesOf(parties: readonly { name: string }[]): string {
  return parties.map((party) => party.name).join(PARTY_NAME_SEPARATOR);
}
