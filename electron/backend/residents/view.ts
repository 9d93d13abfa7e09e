import type { ResidentDetail, ResidentSummary } from '@shared/api';
import { ageOn } from '@shared/domain/identity/age';
import type { DocumentType } from '@shared/domain/identity/documents';
import { maskDocument, maskPhone } from '@shared/domain/privacy/masking';
import type { ResidentViewRow } from './repository';

/**
 * Lists and the detail show the document number and phone masked (PIPL art. 28), and the age where
 * the birth date would be: the date is the ID number's hidden middle, so beside the mask it would
 * give the whole number back. `today` is the server's date in Asia/Shanghai.
 */
export function toSummary(row: ResidentViewRow, today: string): ResidentSummary {
  const docType = row.doc_type as DocumentType;
  return {
    id: row.id,
    name: row.name,
    docType,
    docNumberMasked: maskDocument(docType, row.doc_number),
    gender: row.gender,
    age: row.birth_date === null ? null : ageOn(row.birth_date, today),
    phoneMasked: row.phone === null ? null : maskPhone(row.phone),
    address: row.address,
    villageOrgId: row.village_org_id,
    villageName: row.village_name,
  };
}

export function toDetail(row: ResidentViewRow, today: string): ResidentDetail {
  return {
    ...toSummary(row, today),
    ethnicity: row.ethnicity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
