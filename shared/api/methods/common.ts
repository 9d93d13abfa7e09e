import { z } from 'zod';
import { orgLevelSchema, roleSchema } from '../roles';

export const idSchema = z.string().min(1).max(64);
/** UTC ISO 8601 timestamp as stored; the UI shows it in Asia/Shanghai. */
export const isoTimeSchema = z.string();
export const emptySchema = z.object({}).strict();

export const pageInputSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

/**
 * Lists count their matches up to this many: counting ten years of cases exactly would hold the
 * backend for a number nobody pages through. Past it, `total` is this number and
 * `totalIsLowerBound` is true: the UI says “超过10000条”, and offers this many rows' pages.
 */
export const LIST_TOTAL_CAP = 10_000;

/**
 * A search counts its matches up to this many, ten pages: past it the clerk narrows the search (an
 * item, a date, more of the name) rather than pages, and counting costs a row read per match. At ten
 * years, counting to 1 000 was most of a pinyin-initials search (15–55 ms of it, scattered case rows);
 * to 10 000 it held a case search for 100–300 ms. The UI says “超过200条” the same way.
 */
export const SEARCH_TOTAL_CAP = 200;

/** `total` is exact when false; when true, there are more than `total` (the cap) matches. */
export const totalIsLowerBoundSchema = z.boolean().default(false);

export const orgUnitSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  level: orgLevelSchema,
  parentId: idSchema.nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const terminalSchema = z.object({
  id: idSchema,
  name: z.string(),
  number: z.string(),
  orgUnitId: idSchema,
});
export type Terminal = z.infer<typeof terminalSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgUnitId: idSchema,
  orgUnitName: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: isoTimeSchema.nullable(),
  lastSignInAt: isoTimeSchema.nullable(),
  createdAt: isoTimeSchema,
  /** A roster entry of a committee is linked to the account (调解员 can be assigned and record). */
  onRoster: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

/** Chinese labels in messages come from the backend; the schema keeps only shape checks. */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3 到 32 位字母、数字、下划线、点或横线');
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名不超过 40 个字');
/** Strength is checked by shared/domain/password so the backend can answer WEAK_PASSWORD. */
export const passwordSchema = z.string().min(1, '请填写密码').max(128, '密码不超过 128 位');
