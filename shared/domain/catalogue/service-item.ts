import { z } from 'zod';
import { editionSchema, findDuplicates, type ReferenceProblem } from './reference-data';

/**
 * A service item (事项) of the township catalogue and the materials a resident brings for it
 * (docs/domain.md, "The counter flow"). The shapes are zod schemas with Chinese messages; the rules that
 * span fields are pure functions, also applied by the schemas, so that an import, an edit by a
 * supervisor and the shipped resources/service-catalogue.json are all held to the same rules.
 */

const SERVICE_ITEM_TYPES = ['instant', 'promised'] as const;
export const serviceItemTypeSchema = z.enum(SERVICE_ITEM_TYPES, {
  error: '办件类型只能是即办件或承诺件',
});
export type ServiceItemType = z.infer<typeof serviceItemTypeSchema>;

export const SERVICE_ITEM_TYPE_LABELS: Record<ServiceItemType, string> = {
  instant: '即办件',
  promised: '承诺件',
};

export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy'] as const;
export const materialFormSchema = z.enum(MATERIAL_FORMS, {
  error: '材料形式只能是原件、复印件或原件及复印件',
});
export type MaterialForm = z.infer<typeof materialFormSchema>;

export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
};

/**
 * The categories the shipped catalogue uses, in the order a counter's item picker groups them.
 * The schema accepts any category name, so that a county can add its own without a release.
 */
export const SERVICE_CATEGORIES = [
  '社会保障',
  '社会救助',
  '民政',
  '残疾人服务',
  '卫生健康',
  '就业创业',
  '农业农村',
  '户籍与居住',
  '退役军人',
  '司法服务',
] as const;

/** Longest time limit accepted, in working days: well above any statutory limit of a township item. */
const MAX_WORKING_DAYS = 180;
/** Highest fee accepted, in fen (100 000 yuan): a guard against yuan typed into a fen field the other way round. */
const MAX_FEE_FEN = 10_000_000;

const workingDaysSchema = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数个工作日`)
    .min(0, `${label}不能为负数`)
    .max(MAX_WORKING_DAYS, `${label}不超过 ${MAX_WORKING_DAYS} 个工作日`);

/**
 * One material of an item.
 * - `required` true and `condition` null: always required (必交).
 * - `required` true and a `condition` (e.g. "委托他人办理的"): required when that situation applies.
 * - `required` false: accepted when brought, never makes the application incomplete (选交).
 */
export const materialSchema = z.object({
  name: z.string().trim().min(1, '请填写材料名称').max(60, '材料名称不超过 60 个字'),
  form: materialFormSchema,
  copies: z
    .number({ error: '份数应为数字' })
    .int('份数应为整数')
    .min(1, '份数至少为 1 份')
    .max(20, '份数不超过 20 份'),
  required: z.boolean({ error: '请注明该材料是否必须提交' }),
  condition: z
    .string()
    .trim()
    .min(1, '适用情形不能为空白；不限情形时请留空')
    .max(100, '适用情形不超过 100 个字')
    .nullable(),
  source: z.string().trim().min(1, '请填写材料来源').max(100, '材料来源不超过 100 个字'),
});
export type Material = z.infer<typeof materialSchema>;

export type MaterialRequirement = 'required' | 'conditional' | 'optional';

export const MATERIAL_REQUIREMENT_LABELS: Record<MaterialRequirement, string> = {
  required: '必交',
  conditional: '视情形提交',
  optional: '选交',
};

/** How a material counts towards completeness, for the checklist and the printed notices. */
export function materialRequirement(
  material: Pick<Material, 'required' | 'condition'>,
): MaterialRequirement {
  if (!material.required) return 'optional';
  return material.condition === null ? 'required' : 'conditional';
}

/** Most aliases an item carries: the short names clerks and residents say, not a keyword list. */
const MAX_ALIASES = 10;

/**
 * The short names and other names an item goes by at the counter (低保 for 最低生活保障申请, 社保卡 for
 * 社会保障卡申领), searched like the name itself. Trimmed, blanks and repeats dropped, in the order given.
 */
const aliasesSchema = z
  .array(z.string().trim().max(20, '每个别名不超过 20 个字'))
  .transform((aliases) => [...new Set(aliases.filter((alias) => alias !== ''))])
  .pipe(z.array(z.string()).max(MAX_ALIASES, `别名不超过 ${MAX_ALIASES} 个`));

/** The fields of an item, without the rules that span fields; extend this one, parse with serviceItemSchema. */
export const serviceItemFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      '事项编码为 1 到 64 位字母、数字、点、下划线或横线，例如 ZJ-XZ-0001',
    ),
  name: z.string().trim().min(2, '请填写事项名称').max(60, '事项名称不超过 60 个字'),
  category: z.string().trim().min(1, '请填写事项类别').max(20, '事项类别不超过 20 个字'),
  department: z.string().trim().min(1, '请填写责任部门').max(40, '责任部门不超过 40 个字'),
  type: serviceItemTypeSchema,
  /** Working days from the working day after acceptance; 0 for an instant item. */
  promisedDays: workingDaysSchema('承诺时限'),
  statutoryDays: workingDaysSchema('法定时限'),
  feeFen: z
    .number({ error: '收费金额应为数字' })
    .int('收费金额以分计，应为整数')
    .min(0, '收费金额不能为负数')
    .max(MAX_FEE_FEN, '收费金额超出合理范围，请确认以分为单位填写'),
  /** Whether a village agent (代办员) may take the item in on a resident's behalf. */
  agencyAllowed: z.boolean({ error: '请注明是否允许村（社区）代办' }),
  /** The legal basis (设定依据), short. */
  basis: z.string().trim().min(1, '请填写设定依据').max(300, '设定依据不超过 300 个字'),
  materials: z.array(materialSchema).min(1, '至少列出一项申请材料').max(50, '申请材料不超过 50 项'),
  /** Not part of a version: a case does not depend on what the item is also called. */
  aliases: aliasesSchema.default([]),
});
export type ServiceItemFields = z.infer<typeof serviceItemFieldsSchema>;

type ServiceItemProblemCode =
  | 'INSTANT_HAS_PROMISED_DAYS'
  | 'PROMISED_DAYS_TOO_SHORT'
  | 'PROMISED_DAYS_OVER_STATUTORY'
  | 'DUPLICATE_MATERIAL_NAME';
type CatalogueProblemCode = ServiceItemProblemCode | 'DUPLICATE_ITEM_CODE';

type ServiceItemProblem = ReferenceProblem<ServiceItemProblemCode>;
type CatalogueProblem = ReferenceProblem<CatalogueProblemCode>;

type ItemForRules = Pick<ServiceItemFields, 'type' | 'promisedDays' | 'statutoryDays'> & {
  materials: readonly Pick<Material, 'name'>[];
};

/**
 * The rules of one item: an instant item (即办件) is done on the spot, so it promises 0 days; a promised
 * item (承诺件) promises at least one working day and no more than the statutory limit; material names
 * are unique within the item (the checklist and the one-time notice list them by name).
 */
export function checkServiceItemRules(item: ItemForRules): ServiceItemProblem[] {
  const problems: ServiceItemProblem[] = [];
  if (item.type === 'instant' && item.promisedDays !== 0) {
    problems.push({
      code: 'INSTANT_HAS_PROMISED_DAYS',
      message: '即办件当场办结，承诺时限应为 0 个工作日',
      path: ['promisedDays'],
    });
  }
  if (item.type === 'promised' && item.promisedDays < 1) {
    problems.push({
      code: 'PROMISED_DAYS_TOO_SHORT',
      message: '承诺件的承诺时限至少为 1 个工作日；当场办结的请设为即办件',
      path: ['promisedDays'],
    });
  }
  if (item.type === 'promised' && item.promisedDays > item.statutoryDays) {
    problems.push({
      code: 'PROMISED_DAYS_OVER_STATUTORY',
      message: `承诺时限（${item.promisedDays} 个工作日）不能超过法定时限（${item.statutoryDays} 个工作日）`,
      path: ['promisedDays'],
    });
  }
  for (const index of findDuplicates(item.materials, (material) => material.name.trim())) {
    problems.push({
      code: 'DUPLICATE_MATERIAL_NAME',
      message: `申请材料“${item.materials[index]?.name.trim()}”重复列出`,
      path: ['materials', index, 'name'],
    });
  }
  return problems;
}

/** The rules of a whole catalogue: each item's rules, and item codes unique (ignoring case). */
export function checkCatalogueRules(
  items: readonly (ItemForRules & Pick<ServiceItemFields, 'code'>)[],
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  items.forEach((item, index) => {
    for (const problem of checkServiceItemRules(item)) {
      problems.push({ ...problem, path: [index, ...problem.path] });
    }
  });
  for (const index of findDuplicates(items, (item) => item.code.trim().toUpperCase())) {
    problems.push({
      code: 'DUPLICATE_ITEM_CODE',
      message: `事项编码“${items[index]?.code.trim()}”重复`,
      path: [index, 'code'],
    });
  }
  return problems;
}

function reportProblems(ctx: z.RefinementCtx, problems: readonly ReferenceProblem[]): void {
  for (const problem of problems) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path: problem.path,
      params: { rule: problem.code },
    });
  }
}

/** An item with its rules applied. */
export const serviceItemSchema = serviceItemFieldsSchema.superRefine((item, ctx) => {
  reportProblems(ctx, checkServiceItemRules(item));
});

/** A list of items with every item's rules and unique codes. */
export const serviceCatalogueSchema = z.array(serviceItemFieldsSchema).superRefine((items, ctx) => {
  reportProblems(ctx, checkCatalogueRules(items));
});

/** The shape of resources/service-catalogue.json and of a catalogue pulled from the hub. */
export const serviceCatalogueFileSchema = z.object({
  edition: editionSchema,
  items: serviceCatalogueSchema.min(1, '事项目录不能为空'),
});
