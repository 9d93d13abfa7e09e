import type { MaterialCheck } from '@shared/api';
import { isMissingRequired, type MaterialStatus } from '@shared/domain/cases/checklist';
import {
  materialRequirement,
  type MaterialForm,
  type MaterialRequirement,
} from '@shared/domain/catalogue/service-item';

/** A material as an item version lists it, or as a case keeps it. */
export interface ChecklistMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  condition: string | null;
  source: string | null;
}

/** How the clerk marked one material at the window. */
export interface MaterialMark {
  status: MaterialStatus;
  copiesReceived: number;
}

/**
 * Nothing is taken as received until the clerk says so. A conditional material starts as 不适用:
 * its situation (e.g. "委托他人办理的") is the exception, shown beside it for the clerk to flip.
 */
export function initialMarks(materials: readonly ChecklistMaterial[]): MaterialMark[] {
  return materials.map((material) => ({
    status: materialRequirement(material) === 'conditional' ? 'not_applicable' : 'missing',
    copiesReceived: 0,
  }));
}

/** The marks a case already carries, e.g. when the resident returns for 补正. */
export function marksOf(
  materials: readonly { status: MaterialStatus; copiesReceived: number }[],
): MaterialMark[] {
  return materials.map(({ status, copiesReceived }) => ({ status, copiesReceived }));
}

/** Changing a status: a received material is counted at the copies the item asks for. */
export function withStatus(
  mark: MaterialMark,
  status: MaterialStatus,
  material: ChecklistMaterial,
): MaterialMark {
  if (status === mark.status) return mark;
  return { status, copiesReceived: status === 'received' ? material.copies : 0 };
}

/** Which statuses a material may take: 不适用 only where a situation decides whether it is needed. */
export function statusesFor(requirement: MaterialRequirement): MaterialStatus[] {
  return requirement === 'conditional'
    ? ['received', 'missing', 'not_applicable']
    : ['received', 'missing'];
}

/** The materials that keep the application incomplete, in checklist order. */
export function missingRequiredOf<M extends ChecklistMaterial>(
  materials: readonly M[],
  marks: readonly MaterialMark[],
): M[] {
  return materials.filter((material, index) =>
    isMissingRequired({ ...material, status: marks[index]?.status ?? 'missing' }),
  );
}

/** The checklist as cases.intake and cases.supplement take it. */
export function toMaterialChecks(marks: readonly MaterialMark[]): MaterialCheck[] {
  return marks.map((mark, position) => ({
    position,
    status: mark.status,
    copiesReceived: mark.status === 'received' ? mark.copiesReceived : 0,
  }));
}
