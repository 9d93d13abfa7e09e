import { isMissingRequired, isPowerOfAttorney } from '@shared/domain/cases/checklist';
import type { Material } from '@shared/domain/catalogue/service-item';
import type { CaseMaterialsTable } from '../../electron/backend/db/schema';
import type { Random } from './random';
import { syncRow, type Stamps } from './stamps';

type Mark = Pick<CaseMaterialsTable, 'status' | 'copies_received'>;

/** Whether the material concerns an application made through someone else (委托, 代办). */
function aboutAgency(material: Material): boolean {
  return isPowerOfAttorney(material.name) || /委托|代办/.test(material.condition ?? '');
}

/** How a clerk marks a material of a complete application. */
function completeMark(random: Random, material: Material, agency: boolean): Mark {
  const received = { status: 'received', copies_received: material.copies } as const;
  const notApplicable = { status: 'not_applicable', copies_received: 0 } as const;
  if (aboutAgency(material)) return agency || random.chance(0.05) ? received : notApplicable;
  if (!material.required)
    return random.chance(0.4) ? received : { status: 'missing', copies_received: 0 };
  if (material.condition === null) return received;
  return random.chance(0.25) ? received : notApplicable;
}

/**
 * The checklist of a new case: every material of the item version, marked as a clerk would. An
 * incomplete one misses one or two required materials (never the power of attorney of an agency).
 */
export function initialChecklist(
  random: Random,
  materials: readonly Material[],
  options: { agency: boolean; incomplete: boolean },
): Mark[] {
  const marks = materials.map((material) => completeMark(random, material, options.agency));
  if (!options.incomplete) return marks;
  const candidates = materials
    .map((material, position) => ({ material, position }))
    .filter(
      ({ material, position }) => material.required && marks[position]!.status !== 'not_applicable',
    )
    .filter(({ material }) => !(options.agency && aboutAgency(material)));
  const missing = Math.min(candidates.length, random.chance(0.7) ? 1 : 2);
  for (let i = 0; i < missing; i++) {
    const [chosen] = candidates.splice(random.int(0, candidates.length - 1), 1);
    marks[chosen!.position] = { status: 'missing', copies_received: 0 };
  }
  return marks;
}

export function missingNames(materials: readonly CaseMaterialsTable[]): string {
  return materials
    .filter((row) =>
      isMissingRequired({ ...row, required: row.required === 1, condition: row.condition }),
    )
    .map((row) => row.name)
    .join('、');
}

export function materialRows(
  stamps: Stamps,
  caseRow: {
    id: string;
    org_unit_id: string;
    origin_terminal_id: string;
    created_by: string | null;
  },
  createdMs: number,
  materials: readonly Material[],
  marks: readonly Mark[],
): CaseMaterialsTable[] {
  return materials.map((material, position) =>
    Object.assign(
      syncRow(
        stamps,
        caseRow.org_unit_id,
        caseRow.origin_terminal_id,
        createdMs,
        caseRow.created_by,
      ),
      {
        case_id: caseRow.id,
        position,
        name: material.name,
        form: material.form,
        copies: material.copies,
        required: material.required ? 1 : 0,
        condition: material.condition,
        source: material.source,
        status: marks[position]!.status,
        copies_received: marks[position]!.copies_received,
        note: null,
      },
    ),
  );
}
