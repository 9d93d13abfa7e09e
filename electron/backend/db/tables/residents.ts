import type { SyncColumns } from './sync';

// The resident register and the tables that keep its search and village scope.

export interface ResidentsTable extends SyncColumns {
  doc_type: string;
  /** Normalised (upper case, no spaces); unique per document type. */
  doc_number: string;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  address: string | null;
  village_org_id: string | null;
  ethnicity: string | null;
  initials: string;
}

export interface ResidentBigramsTable {
  bigram: string;
  resident_rowid: number;
}

/** Kept by triggers (migration 2026_12_06_1700): the residents a village-level unit may see. */
export interface ResidentAccessTable {
  unit_id: string;
  resident_rowid: number;
  lives: number;
  filed: number;
}

/** A resident merged into another one by document number (migration 2026_12_08_0020). */
export interface ResidentAliasesTable {
  alias_id: string;
  resident_id: string;
  merged_at: string;
}
