import type { MaterialMark } from '../../components/MaterialChecklist';
import { isPowerOfAttorney } from '@shared/domain/cases/checklist';

interface AgencyMaterial {
  name: string;
  condition: string | null;
}

/**
 * At a village agency point the situation "委托他人或村（社区）代办员办理的" always applies: the power
 * of attorney and the agent's own ID are needed, so they start as missing rather than 不适用.
 */
export function appliesToAgency(material: AgencyMaterial): boolean {
  return material.condition !== null && material.condition.includes('代办');
}

export function agencyMarks(
  materials: readonly AgencyMaterial[],
  marks: readonly MaterialMark[],
): MaterialMark[] {
  return marks.map((mark, index) => {
    const material = materials[index];
    return material && appliesToAgency(material) && mark.status === 'not_applicable'
      ? { ...mark, status: 'missing' }
      : mark;
  });
}

/** The position of the 授权委托书 in the item's list, or -1 when the item lists none. */
export function attorneyPosition(materials: readonly AgencyMaterial[]): number {
  return materials.findIndex((material) => isPowerOfAttorney(material.name));
}
