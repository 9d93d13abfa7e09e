import { z } from 'zod';
import { referenceCodeSchema } from '../../domain/catalogue/mediation-reference';
import { disputeTypeSchema } from '../../domain/mediation/vocabulary';
import { method } from '../define';
import { idSchema } from './common';
import { MEDIATION_READERS, MEDIATION_WRITERS, nullableText } from './mediation';
import { disputeDetailSchema } from './mediation-views';

/** A person on the roster; not necessarily a user of the app (many 乡贤 mediators never sign in). */
const mediatorSchema = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phoneMasked: z.string().nullable(),
  userId: idSchema.nullable(),
  /** The committee is the org unit plus its kind (mediation-reference.json committeeKinds). */
  orgUnitId: idSchema,
  orgUnitName: z.string(),
  committeeKind: z.string(),
  background: z.string(),
  specialties: z.array(disputeTypeSchema),
  active: z.boolean(),
  note: z.string().nullable(),
  /** Cases of this committee not yet concluded on which the mediator is lead or member. */
  openCases: z.number().int(),
});
export type Mediator = z.infer<typeof mediatorSchema>;

const mediatorFields = {
  name: z.string().trim().min(1, '请填写调解员姓名').max(40, '姓名不超过 40 个字'),
  gender: z.enum(['male', 'female']).nullable().default(null),
  /** Left out on update: keep the stored number. */
  phone: z
    .string()
    .trim()
    .max(20, '电话号码过长')
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value)),
  userId: idSchema.nullable().default(null),
  committeeKind: referenceCodeSchema,
  background: referenceCodeSchema,
  specialties: z.array(disputeTypeSchema).max(15).default([]),
  note: nullableText(200, '备注不超过 200 个字'),
};

const rosterEditors = ['supervisor'] as const;

export const mediatorsMethods = {
  'mediators.list': method({
    input: z.object({
      /** Defaults to the caller's unit. */
      orgUnitId: idSchema.optional(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.array(mediatorSchema),
    access: MEDIATION_READERS,
  }),
  'mediators.create': method({
    input: z.object({ ...mediatorFields, orgUnitId: idSchema.optional() }),
    output: mediatorSchema,
    access: rosterEditors,
  }),
  'mediators.update': method({
    input: z.object({ mediatorId: idSchema, ...mediatorFields }),
    output: mediatorSchema,
    access: rosterEditors,
  }),
  /** A mediator who leaves is deactivated, never deleted: the case files name them. */
  'mediators.setActive': method({
    input: z.object({ mediatorId: idSchema, active: z.boolean() }),
    output: mediatorSchema,
    access: rosterEditors,
  }),
  /** Active mediators of the owning committee: specialty in the dispute's type first, then lightest load. */
  'mediation.suggestMediators': method({
    input: z.object({ disputeId: idSchema }),
    output: z.array(mediatorSchema.extend({ specialtyMatch: z.boolean() })),
    access: MEDIATION_WRITERS,
  }),
  /** One lead and any others, all active and of the owning committee; replaces the team. */
  'mediation.assignMediators': method({
    input: z.object({
      disputeId: idSchema,
      leadMediatorId: idSchema,
      memberMediatorIds: z.array(idSchema).max(10).default([]),
    }),
    output: disputeDetailSchema,
    access: MEDIATION_WRITERS,
  }),
};
