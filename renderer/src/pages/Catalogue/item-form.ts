import type { FormErrors } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { ServiceItemVersion } from '@shared/api';
import {
  materialRequirement,
  serviceItemSchema,
  type MaterialForm,
  type MaterialRequirement,
  type ServiceItemFields,
  type ServiceItemType,
} from '@shared/domain/catalogue/service-item';

/**
 * The item editor's values: the fee in yuan as a person types it, each material's requirement as
 * one choice (必交 / 视情形提交 / 选交). They map onto ServiceItemFields, and the domain's schema judges
 * them, so the editor, the Excel import and the shipped catalogue follow the same rules.
 */

interface MaterialValues {
  /** A stable React key for a row that may move or be removed. */
  key: string;
  name: string;
  form: MaterialForm;
  copies: number | string;
  requirement: MaterialRequirement;
  condition: string;
  source: string;
}

export interface ItemValues {
  code: string;
  name: string;
  category: string;
  department: string;
  type: ServiceItemType;
  promisedDays: number | string;
  statutoryDays: number | string;
  feeYuan: number | string;
  agencyAllowed: boolean;
  basis: string;
  materials: MaterialValues[];
  /** 低保, 低保申请: the short names the item is also found by. */
  aliases: string[];
}

export function emptyMaterial(): MaterialValues {
  return {
    key: randomId('material-'),
    name: '',
    form: 'original',
    copies: 1,
    requirement: 'required',
    condition: '',
    source: '申请人自备',
  };
}

export function emptyItem(): ItemValues {
  return {
    code: '',
    name: '',
    category: '',
    department: '',
    type: 'promised',
    promisedDays: 5,
    statutoryDays: 20,
    feeYuan: 0,
    agencyAllowed: false,
    basis: '',
    materials: [emptyMaterial()],
    aliases: [],
  };
}

/** The version's fields, and the item's aliases when known (a past version shows none). */
export function valuesOfVersion(
  version: ServiceItemVersion & { aliases?: readonly string[] },
): ItemValues {
  return {
    code: version.code,
    name: version.name,
    category: version.category,
    department: version.department,
    type: version.type,
    promisedDays: version.promisedDays,
    statutoryDays: version.statutoryDays,
    feeYuan: version.feeFen / 100,
    agencyAllowed: version.agencyAllowed,
    basis: version.basis,
    materials: version.materials.map((material) => ({
      key: randomId('material-'),
      name: material.name,
      form: material.form,
      copies: material.copies,
      requirement: materialRequirement(material),
      condition: material.condition ?? '',
      source: material.source,
    })),
    aliases: [...(version.aliases ?? [])],
  };
}

/** NumberInput gives '' for an empty field; the schema then names the field in its message. */
function numberOrNaN(value: number | string): number {
  return value === '' ? Number.NaN : Number(value);
}

/** Unparsed: the schema trims, checks and reports. */
export function toFields(values: ItemValues): ServiceItemFields {
  const fee = numberOrNaN(values.feeYuan);
  return {
    code: values.code,
    name: values.name,
    category: values.category,
    department: values.department,
    type: values.type,
    promisedDays: numberOrNaN(values.promisedDays),
    statutoryDays: numberOrNaN(values.statutoryDays),
    feeFen: Number.isNaN(fee) ? fee : Math.round(fee * 100),
    agencyAllowed: values.agencyAllowed,
    basis: values.basis,
    aliases: values.aliases,
    materials: values.materials.map((material) => {
      const condition = material.condition.trim();
      return {
        name: material.name,
        form: material.form,
        copies: numberOrNaN(material.copies),
        required: material.requirement !== 'optional',
        condition: material.requirement === 'required' || condition === '' ? null : condition,
        source: material.source,
      };
    }),
  };
}

/** A path of ServiceItemFields (or the API's 'fields.' + path) as the editor's field path. */
export function formPath(path: string): string {
  const bare = path.startsWith('fields.') ? path.slice('fields.'.length) : path;
  if (bare === 'feeFen') return 'feeYuan';
  return bare.replace(/^(materials\.\d+)\.required$/, '$1.requirement');
}

/** Every problem of the item, the domain's schema and rules first, on the fields they concern. */
export function validateItem(values: ItemValues): FormErrors {
  const errors: FormErrors = {};
  values.materials.forEach((material, index) => {
    if (material.requirement === 'conditional' && material.condition.trim() === '') {
      errors[`materials.${index}.condition`] = '视情形提交的材料请填写适用情形';
    }
  });
  const fee = numberOrNaN(values.feeYuan);
  if (!Number.isNaN(fee) && Math.abs(fee * 100 - Math.round(fee * 100)) > 1e-6) {
    errors.feeYuan = '收费金额最多保留两位小数（精确到分）';
  }
  const parsed = serviceItemSchema.safeParse(toFields(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.join('.'));
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

/** The backend's field messages (keyed 'fields.…') on the editor's fields. */
export function backendErrors(fields: Record<string, string>): FormErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([path, message]) => [formPath(path), message]),
  );
}
