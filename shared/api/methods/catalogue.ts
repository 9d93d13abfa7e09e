import { z } from 'zod';
import {
  serviceItemFieldsSchema,
  materialSchema,
  serviceItemTypeSchema,
} from '../../domain/catalogue/service-item';
import { method } from '../define';
import { idSchema, isoTimeSchema } from './common';

/** Who issues an item, and whether this terminal may change it (county items: the county centre). */
const issuerFields = {
  /** 县级发布: the county's catalogue; false: the terminal's unit added it (本单位). */
  countyIssued: z.boolean(),
  editable: z.boolean(),
};

const serviceItemSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  department: z.string(),
  type: serviceItemTypeSchema,
  promisedDays: z.number().int(),
  agencyAllowed: z.boolean(),
  active: z.boolean(),
  /** 低保, 社保卡: the short names the item is also found by. */
  aliases: z.array(z.string()),
  versionId: idSchema,
  versionNumber: z.number().int(),
  ...issuerFields,
});
export type ServiceItemSummary = z.infer<typeof serviceItemSummarySchema>;

const serviceItemVersionSchema = z.object({
  versionId: idSchema,
  itemId: idSchema,
  number: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  department: z.string(),
  type: serviceItemTypeSchema,
  promisedDays: z.number().int(),
  statutoryDays: z.number().int(),
  feeFen: z.number().int(),
  agencyAllowed: z.boolean(),
  basis: z.string(),
  materials: z.array(materialSchema),
  createdAt: isoTimeSchema,
});
export type ServiceItemVersion = z.infer<typeof serviceItemVersionSchema>;

const serviceItemDetailSchema = serviceItemVersionSchema.extend({
  ...issuerFields,
  active: z.boolean(),
  aliases: z.array(z.string()),
  versions: z.array(
    z.object({
      versionId: idSchema,
      number: z.number().int(),
      createdAt: isoTimeSchema,
      createdBy: z.string().nullable(),
    }),
  ),
});
export type ServiceItemDetail = z.infer<typeof serviceItemDetailSchema>;

const staff = ['admin', 'supervisor', 'clerk', 'agent', 'auditor'] as const;
const editors = ['admin', 'supervisor'] as const;

export const excelFileSchema = z.object({ fileName: z.string(), base64: z.string() });

export const catalogueMethods = {
  /**
   * Search by Chinese text in the name or an alias (低保), pinyin initials anywhere in the name or an
   * alias (ylbx, dbsq) or code; empty query lists by category.
   */
  'catalogue.list': method({
    input: z.object({
      query: z.string().trim().max(40).default(''),
      category: z.string().trim().max(20).optional(),
      includeInactive: z.boolean().default(false),
      agencyOnly: z.boolean().default(false),
    }),
    output: z.array(serviceItemSummarySchema),
    access: staff,
  }),
  'catalogue.get': method({
    input: z.object({ itemId: idSchema }),
    output: serviceItemDetailSchema,
    access: staff,
  }),
  'catalogue.getVersion': method({
    input: z.object({ versionId: idSchema }),
    output: serviceItemVersionSchema,
    access: staff,
  }),
  /** Creates an item, or a new version of it: cases keep the version they were taken in under. */
  'catalogue.save': method({
    input: z.object({ itemId: idSchema.optional(), fields: serviceItemFieldsSchema }),
    output: serviceItemDetailSchema,
    access: editors,
  }),
  'catalogue.setActive': method({
    input: z.object({ itemId: idSchema, active: z.boolean() }),
    output: serviceItemDetailSchema,
    access: editors,
  }),
  'catalogue.exportExcel': method({
    input: z.object({}).strict(),
    output: excelFileSchema,
    access: staff,
  }),
  'catalogue.importExcel': method({
    input: z.object({ base64: z.string().min(1, '请选择 Excel 文件').max(20_000_000, '文件过大') }),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      problems: z.array(z.object({ row: z.number().int(), message: z.string() })),
    }),
    access: editors,
  }),
  /**
   * County centre only: the county's active items as the county's next catalogue edition on the
   * hub, which every terminal of the county then applies.
   */
  'catalogue.publishToHub': method({
    input: z.object({}).strict(),
    output: z.object({ edition: z.number().int(), items: z.number().int() }),
    access: editors,
  }),
};
