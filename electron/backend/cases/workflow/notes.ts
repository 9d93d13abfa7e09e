import { CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import { stateOf, type CaseRow } from '../repository';

/** A timeline note: what the system says, then what the clerk typed, if anything. */
export function withNote(base: string, typed: string | null): string {
  return typed ? `${base}。${typed}` : base;
}

export function stateLabel(row: Pick<CaseRow, 'state'>): string {
  return CASE_STATE_LABELS[stateOf(row)];
}

/** Material names for a note or a refusal: 身份证、户口簿. */
export function names(rows: readonly { name: string }[]): string {
  return rows.map((row) => row.name).join('、');
}
