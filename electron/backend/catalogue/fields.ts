import type { ServiceItemVersion } from '@shared/api/methods/catalogue';
import {
  materialSchema,
  type Material,
  type ServiceItemFields,
} from '@shared/domain/catalogue/service-item';
import { z } from 'zod';
import type { ServiceItemVersionsTable } from '../db/schema';

/** The columns of a version that an edit can change; the rest are sync columns and the item link. */
type VersionContent = Pick<
  ServiceItemVersionsTable,
  | 'name'
  | 'category'
  | 'department'
  | 'type'
  | 'promised_days'
  | 'statutory_days'
  | 'fee_fen'
  | 'agency_allowed'
  | 'basis'
  | 'materials'
>;

/** Materials as JSON with a fixed key order, so that two equal lists are equal strings. */
function materialsJson(materials: readonly Material[]): string {
  return JSON.stringify(
    materials.map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      condition: m.condition,
      source: m.source,
    })),
  );
}

const storedMaterialsSchema = z.array(materialSchema);

export function parseMaterials(json: string): Material[] {
  return storedMaterialsSchema.parse(JSON.parse(json));
}

export function versionContent(fields: ServiceItemFields): VersionContent {
  return {
    name: fields.name,
    category: fields.category,
    department: fields.department,
    type: fields.type,
    promised_days: fields.promisedDays,
    statutory_days: fields.statutoryDays,
    fee_fen: fields.feeFen,
    agency_allowed: fields.agencyAllowed ? 1 : 0,
    basis: fields.basis,
    materials: materialsJson(fields.materials),
  };
}

/** Whether an edit changes anything a case would be taken in under. */
export function sameContent(stored: VersionContent, edited: VersionContent): boolean {
  return (
    stored.name === edited.name &&
    stored.category === edited.category &&
    stored.department === edited.department &&
    stored.type === edited.type &&
    stored.promised_days === edited.promised_days &&
    stored.statutory_days === edited.statutory_days &&
    stored.fee_fen === edited.fee_fen &&
    stored.agency_allowed === edited.agency_allowed &&
    stored.basis === edited.basis &&
    materialsJson(parseMaterials(stored.materials)) === edited.materials
  );
}

export interface VersionRow extends VersionContent {
  id: string;
  item_id: string;
  number: number;
  code: string;
  created_at: string;
}

export function toVersion(row: VersionRow): ServiceItemVersion {
  return {
    versionId: row.id,
    itemId: row.item_id,
    number: row.number,
    code: row.code,
    name: row.name,
    category: row.category,
    department: row.department,
    type: row.type,
    promisedDays: row.promised_days,
    statutoryDays: row.statutory_days,
    feeFen: row.fee_fen,
    agencyAllowed: row.agency_allowed === 1,
    basis: row.basis,
    materials: parseMaterials(row.materials),
    createdAt: row.created_at,
  };
}
