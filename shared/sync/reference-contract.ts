import { z } from 'zod';
import { holidayCalendarSchema } from '../domain/calendar/working-days';
import { referenceCodeSchema } from '../domain/catalogue/mediation-reference';
import {
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
} from '../domain/catalogue/mediation-reference';
import { serviceCatalogueFileSchema } from '../domain/catalogue/service-item';

/**
 * Reference data the county publishes and every terminal of it applies: versioned editions, one
 * series per kind. The org tree keeps its own endpoints (hub-contract.ts) but is listed in the
 * manifest beside these, so that one cheap request per cycle tells a terminal what is new.
 *
 * Each payload has the shape of the file the app ships in resources/ for the same data, so that a
 * county publishes what a standalone terminal would have loaded, and one parser checks both.
 */

export const REFERENCE_KINDS = [
  'catalogue',
  'calendar',
  'disputeTypes',
  'mediationReference',
  'roster',
] as const;
export const referenceKindSchema = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof referenceKindSchema>;

/** How each kind is named on screen (县级平台 page, audit details). */
export const REFERENCE_KIND_LABELS: Record<ReferenceKind | 'orgTree', string> = {
  orgTree: '组织机构',
  catalogue: '事项目录',
  calendar: '节假日安排',
  disputeTypes: '纠纷类型',
  mediationReference: '调解参考数据',
  roster: '调解员名册',
};

const divisionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码应为 6、9 或 12 位数字');

/**
 * One person on a committee's roster as the county registers them. The hub issues `id` when the
 * county first publishes the entry (a publish may leave it out for a new person), so that a
 * mediator is the same record at the township, its villages and the county.
 */
export const rosterEntrySchema = z.object({
  id: z.string().uuid().optional(),
  /** The committee: its org unit's division code and its kind (mediationReference committeeKinds). */
  orgUnitCode: divisionCode,
  committeeKind: referenceCodeSchema,
  name: z.string().trim().min(1, '请填写调解员姓名').max(40, '姓名不超过 40 个字'),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().trim().max(20, '电话号码过长').nullable(),
  background: referenceCodeSchema,
  specialties: z.array(z.string()).max(15),
  active: z.boolean(),
  note: z.string().trim().max(200, '备注不超过 200 个字').nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterFileSchema = z.object({
  entries: z.array(rosterEntrySchema).max(20000),
});
export type RosterFile = z.infer<typeof rosterFileSchema>;

/**
 * The county's catalogue: the shipped file's shape, plus the county's version number of each item by
 * code, so that every terminal numbers an item's versions as the county does and the version ids
 * derived from them (serviceItemVersionId) are the same everywhere, whichever editions it skipped.
 */
export const catalogueEditionSchema = serviceCatalogueFileSchema.extend({
  versions: z.record(z.string(), z.number().int().min(1)).optional(),
});

/** The payload schema of each kind. */
export const REFERENCE_PAYLOAD_SCHEMAS = {
  catalogue: catalogueEditionSchema,
  calendar: holidayCalendarSchema,
  disputeTypes: disputeTypesFileSchema,
  mediationReference: mediationReferenceFileSchema,
  roster: rosterFileSchema,
} as const satisfies Record<ReferenceKind, z.ZodType>;
export type ReferencePayload<K extends ReferenceKind> = z.output<
  (typeof REFERENCE_PAYLOAD_SCHEMAS)[K]
>;

export const REFERENCE_PATHS = {
  /** GET: the latest edition number of every kind (null: never published), for the calling county. */
  manifest: '/v1/reference',
  /** GET: the latest edition of one kind, scoped to the caller (the roster: its unit and below). */
  edition: (kind: ReferenceKind) => `/v1/reference/${kind}`,
  /** PUT (county centre only): publish a new edition of one kind. */
  publish: (kind: ReferenceKind) => `/v1/admin/reference/${kind}`,
} as const;

export const referenceManifestSchema = z.object({
  countyCode: z.string(),
  editions: z.object({
    orgTree: z.number().int().min(1).nullable(),
    catalogue: z.number().int().min(1).nullable(),
    calendar: z.number().int().min(1).nullable(),
    disputeTypes: z.number().int().min(1).nullable(),
    mediationReference: z.number().int().min(1).nullable(),
    roster: z.number().int().min(1).nullable(),
  }),
});
export type ReferenceManifest = z.infer<typeof referenceManifestSchema>;

/** GET /v1/reference/:kind; 404 NOT_FOUND before the county's first edition of that kind. */
export function referenceEditionSchema<K extends ReferenceKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    countyCode: z.string(),
    /** 1, 2, 3…: a terminal applies an edition newer than the one it has, atomically. */
    edition: z.number().int().min(1),
    publishedAt: z.string(),
    payload: REFERENCE_PAYLOAD_SCHEMAS[kind],
  });
}
export interface ReferenceEdition<K extends ReferenceKind> {
  kind: K;
  countyCode: string;
  edition: number;
  publishedAt: string;
  payload: ReferencePayload<K>;
}

/** PUT /v1/admin/reference/:kind; a publisher that did not see the latest edition is refused (409). */
export function publishReferenceRequestSchema<K extends ReferenceKind>(kind: K) {
  return z.object({
    /** The edition the publisher last saw (0 when none). */
    baseEdition: z.number().int().min(0),
    payload: REFERENCE_PAYLOAD_SCHEMAS[kind],
  });
}
export interface PublishReferenceRequest<K extends ReferenceKind> {
  baseEdition: number;
  payload: z.input<(typeof REFERENCE_PAYLOAD_SCHEMAS)[K]>;
}
/** The answer is the new edition as terminals will pull it (for the roster: every entry, with ids). */
export const publishReferenceResponseSchema = referenceEditionSchema;
