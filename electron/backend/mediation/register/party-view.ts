import type { DisputeParty } from '@shared/api/methods/mediation-views';
import { ageOn } from '@shared/domain/identity/age';
import type { DocumentType } from '@shared/domain/identity/documents';
import { maskDocument, maskPhone } from '@shared/domain/privacy/masking';
import type { PartyRow } from './parties-repository';

/**
 * A party as screens show it: ID number and phones masked (PIPL art. 28), and beside a masked ID
 * number the age, not the birth date that is its hidden middle. `today` is Asia/Shanghai's.
 */
export function toPartyView(row: PartyRow, today: string): DisputeParty {
  const idType = row.id_type as DocumentType | null;
  return {
    id: row.id,
    position: row.position,
    role: row.role,
    kind: row.kind,
    residentId: row.resident_id,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.id_number ? null : row.birth_date,
    age: row.age,
    ageNow: row.birth_date ? ageOn(row.birth_date, today) : row.age,
    occupation: row.occupation,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    address: row.address,
    idType,
    idNumberMasked: row.id_number ? maskDocument(idType ?? 'passport', row.id_number) : null,
    creditCode: row.credit_code,
    representative: row.representative,
    agentName: row.agent_name,
    agentPhoneMasked: row.agent_phone ? maskPhone(row.agent_phone) : null,
    attorneyDate: row.attorney_date,
    noticeAcknowledgedOn: row.notice_acknowledged_on,
    noticeMethod: row.notice_method as DisputeParty['noticeMethod'],
  };
}
