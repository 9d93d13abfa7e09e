import {
  FOLLOW_UP_METHOD_LABELS,
  JUDICIAL_RESULT_LABELS,
  PERFORMANCE_LABELS,
  SATISFACTION_LABELS,
  URGENCY_LABELS,
} from '@shared/api';
import { CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import { MATERIAL_FORM_LABELS } from '@shared/domain/catalogue/service-item';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import {
  DISPUTE_SOURCE_LABELS,
  DISPUTE_TYPE_LABELS,
  OUTCOME_LABELS,
  RISK_LEVEL_LABELS,
} from '@shared/domain/mediation/vocabulary';
import { DISPUTE_STATE_LABELS } from '@shared/domain/mediation/workflow';
import type { SyncRecordTable } from '@shared/sync/records-contract';

type Words = Readonly<Record<string, string>>;

/** Columns whose stored codes a person knows by a word, wherever they appear. */
const COMMON: Readonly<Record<string, Words>> = {
  gender: GENDER_LABELS,
  doc_type: DOCUMENT_TYPE_LABELS,
  id_type: DOCUMENT_TYPE_LABELS,
};

const BY_TABLE: Partial<Record<SyncRecordTable, Readonly<Record<string, Words>>>> = {
  cases: { state: CASE_STATE_LABELS },
  case_materials: {
    form: MATERIAL_FORM_LABELS,
    status: { received: '已收取', missing: '缺少', not_applicable: '不适用' },
  },
  disputes: {
    state: DISPUTE_STATE_LABELS,
    type: DISPUTE_TYPE_LABELS,
    source: DISPUTE_SOURCE_LABELS,
    risk_level: RISK_LEVEL_LABELS,
    outcome: OUTCOME_LABELS,
  },
  dispute_parties: { role: PARTY_ROLE_LABELS },
  dispute_agreements: { jc_result: JUDICIAL_RESULT_LABELS },
  dispute_follow_ups: {
    method: FOLLOW_UP_METHOD_LABELS,
    performance: PERFORMANCE_LABELS,
    satisfaction: SATISFACTION_LABELS,
  },
  event_reports: { urgency: URGENCY_LABELS },
};

/** The word for a stored code (已收取 for received), or null when the column keeps free text. */
export function valueWord(table: SyncRecordTable, column: string, value: string): string | null {
  const words = BY_TABLE[table]?.[column] ?? COMMON[column];
  return words && Object.hasOwn(words, value) ? (words[value] ?? null) : null;
}
