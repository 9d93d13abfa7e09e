import type { z } from 'zod';
import type { materialCheckSchema } from '@shared/api/methods/cases';
import type { MaterialStatus } from '@shared/domain/cases/checklist';
import type { Material } from '@shared/domain/catalogue/service-item';
import { DomainError } from '../../core/errors';
import type { CaseMaterialRow } from '../repository';

/** A checked material as the clerk marked it, parsed by the contract. */
export type ParsedCheck = z.output<typeof materialCheckSchema>;

export interface ChecklistRow {
  position: number;
  name: string;
  form: string;
  copies: number;
  required: boolean;
  condition: string | null;
  source: string | null;
  status: MaterialStatus;
  copiesReceived: number;
  note: string | null;
}

/** Each position once and inside the item's list; a bad one is a form bug, named for the field. */
function checksByPosition(checks: readonly ParsedCheck[], count: number) {
  const byPosition = new Map<number, ParsedCheck>();
  checks.forEach((check, index) => {
    if (check.position >= count || byPosition.has(check.position)) {
      throw new DomainError('INVALID_INPUT', '材料清单与事项的材料不符，请刷新后重新核对', {
        [`materials.${index}.position`]: '材料序号无效或重复',
      });
    }
    byPosition.set(check.position, check);
  });
  return byPosition;
}

/** A received material with no count given is taken as the copies the item asks for. */
function copiesOf(check: ParsedCheck, copies: number): number {
  if (check.status !== 'received') return 0;
  return check.copiesReceived > 0 ? check.copiesReceived : copies;
}

/** The checklist of a new case: every material of the item version, unmarked ones missing. */
export function buildChecklist(
  materials: readonly Material[],
  checks: readonly ParsedCheck[],
): ChecklistRow[] {
  const byPosition = checksByPosition(checks, materials.length);
  return materials.map((material, position) => {
    const check = byPosition.get(position);
    return {
      position,
      name: material.name,
      form: material.form,
      copies: material.copies,
      required: material.required,
      condition: material.condition,
      source: material.source,
      status: check?.status ?? 'missing',
      copiesReceived: check ? copiesOf(check, material.copies) : 0,
      note: check?.note ?? null,
    };
  });
}

/** The checklist checked again (补正, receipt at the township): unmarked positions keep their mark. */
export function recheck(
  current: readonly ChecklistRow[],
  checks: readonly ParsedCheck[],
): ChecklistRow[] {
  const byPosition = checksByPosition(checks, current.length);
  return current.map((row) => {
    const check = byPosition.get(row.position);
    if (!check) return row;
    return {
      ...row,
      status: check.status,
      copiesReceived: copiesOf(check, row.copies),
      note: check.note,
    };
  });
}

/** The checklist as stored with the case. */
export function storedChecklist(rows: readonly CaseMaterialRow[]): ChecklistRow[] {
  return rows.map((row) => ({
    position: row.position,
    name: row.name,
    form: row.form,
    copies: row.copies,
    required: row.required === 1,
    condition: row.condition,
    source: row.source,
    status: row.status,
    copiesReceived: row.copies_received,
    note: row.note,
  }));
}
