import { z } from 'zod';
import { documentTypeSchema } from '../../domain/identity/documents';
import { method } from '../define';
import { idSchema, isoTimeSchema, pageInputSchema, totalIsLowerBoundSchema } from './common';

const genderSchema = z.enum(['male', 'female']);

/**
 * What lists and the detail show: document number and phone masked (PIPL art. 28), and the age
 * instead of the birth date, which is the ID number's hidden middle (it comes with the reveal).
 */
const residentSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  docType: documentTypeSchema,
  docNumberMasked: z.string(),
  gender: genderSchema.nullable(),
  /** Whole years at the server's today in Asia/Shanghai; null when the document states no birth date. */
  age: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  villageOrgId: idSchema.nullable(),
  villageName: z.string().nullable(),
});
export type ResidentSummary = z.infer<typeof residentSummarySchema>;

const residentDetailSchema = residentSummarySchema.extend({
  ethnicity: z.string().nullable(),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
});
export type ResidentDetail = z.infer<typeof residentDetailSchema>;

export const residentFieldsSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  phone: z.string().trim().max(20, '电话号码过长').nullable().default(null),
  address: z.string().trim().max(120, '住址不超过 120 个字').nullable().default(null),
  villageOrgId: idSchema.nullable().default(null),
  ethnicity: z.string().trim().max(20).nullable().default(null),
});

const staff = ['admin', 'supervisor', 'clerk', 'agent', 'mediator', 'auditor'] as const;
const writers = ['admin', 'supervisor', 'clerk', 'agent', 'mediator'] as const;
/** Roles whose tasks need a full ID number or phone now and then; every reveal is audited. */
const REVEAL_ROLES = ['admin', 'supervisor', 'clerk', 'agent', 'mediator'] as const;

export const residentsMethods = {
  /** Name (1–2 characters use their own index, 3+ full text), pinyin initials, document number, phone. */
  'residents.search': method({
    input: pageInputSchema.extend({ query: z.string().trim().max(40).default('') }),
    output: z.object({
      rows: z.array(residentSummarySchema),
      total: z.number().int(),
      totalIsLowerBound: totalIsLowerBoundSchema,
    }),
    access: staff,
  }),
  /** The counter types or pastes the document number first; a known resident fills in. */
  'residents.findByDocument': method({
    input: z.object({
      docType: documentTypeSchema,
      docNumber: z.string().trim().min(1, '请输入证件号码').max(30),
    }),
    output: residentSummarySchema.nullable(),
    access: staff,
  }),
  'residents.get': method({
    input: z.object({ residentId: idSchema }),
    output: residentDetailSchema,
    access: staff,
  }),
  /**
   * The records of the same person merged into this one (one record per document across terminals,
   * issue 15), oldest first: the unit that registered each and the day, never its document number.
   * Answered for a resident the caller may open, as residents.get.
   */
  'residents.merged': method({
    input: z.object({ residentId: idSchema }),
    output: z.array(
      z.object({
        /** Null when this terminal does not know the unit. */
        unitName: z.string().nullable(),
        /** YYYY-MM-DD in Asia/Shanghai. */
        registeredOn: z.string(),
      }),
    ),
    access: staff,
  }),
  /**
   * A resident whose name, birth date and village match another record needs `confirmNotDuplicate`
   * (answered RESIDENT_POSSIBLE_DUPLICATE otherwise, listing the look-alikes).
   */
  'residents.create': method({
    input: residentFieldsSchema.extend({
      docType: documentTypeSchema,
      docNumber: z.string().trim().min(1, '请输入证件号码').max(30, '证件号码过长'),
      confirmNotDuplicate: z.boolean().default(false),
    }),
    output: residentDetailSchema,
    access: writers,
  }),
  'residents.update': method({
    input: residentFieldsSchema.extend({
      residentId: idSchema,
      /** Omitted keeps the stored phone, which forms only see masked; null or blank clears it. */
      phone: z.string().trim().max(20, '电话号码过长').nullable().optional(),
    }),
    output: residentDetailSchema,
    access: writers,
  }),
  'residents.reveal': method({
    input: z.object({
      residentId: idSchema,
      field: z.enum(['docNumber', 'phone']),
      reason: z.string().trim().max(60).default(''),
    }),
    /** The birth date comes with the whole document number, beside which it hides nothing. */
    output: z.object({ value: z.string().nullable(), birthDate: z.string().nullable() }),
    access: REVEAL_ROLES,
  }),
};
