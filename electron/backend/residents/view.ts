import type { ResidentDetail, ResidentSummary } from '@shared/api';
import type { DocumentType } from '@shared/domain/identity/documents';
import { maskDocument, maskPhone } from '@shared/domain/privacy/masking';
import type { ResidentViewRow } from './repository';

/** Lists and the detail show the document number and phone masked (PIPL art. 28). */
export function toSummary(row: ResidentViewRow): ResidentSummary {
  const docType = row.doc_type as DocumentType;
  return {
    id: row.id,
    name: row.name,
    docType,
    docNumberMasked: maskDocument(docType, row.doc_number),
    gender: row.gender,
    birthDate: row.birth_date,
    phoneMasked: row.phone === null ? null : maskPhone(row.phone),
    address: row.address,
    villageOrgId: row.village_org_id,
    villageName: row.village_name,
  };
}

export function toDetail(row: ResidentViewRow): ResidentDetail {
  return {
    ...toSummary(row),
    ethnicity: row.ethnicity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
