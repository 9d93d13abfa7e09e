import { z } from 'zod';
import { editionSchema, findDuplicates, type ReferenceProblem } from './reference-data';

/**
 * The reference lists of dispute mediation as data: resources/dispute-types.json (the 15 statistical
 * dispute types of docs/domain.md) and resources/mediation-reference.json (sources, origins of transfers,
 * mediator backgrounds, committee kinds, event-report categories). Codes are stable English snake-case
 * and are what records store; labels are what screens and paper show. The dispute-type and source codes
 * are the ones shared/domain/mediation branches on.
 */

export const referenceCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, '代码为小写字母开头的小写字母、数字或下划线，不超过 40 位');

const referenceEntrySchema = z.object({
  code: referenceCodeSchema,
  label: z.string().trim().min(1, '请填写名称').max(40, '名称不超过 40 个字'),
});
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;

type ReferenceListProblemCode = 'DUPLICATE_CODE' | 'DUPLICATE_LABEL';

/** Codes and labels unique within one list: a label shown twice could not be told apart on screen. */
export function checkReferenceList(
  entries: readonly ReferenceEntry[],
): ReferenceProblem<ReferenceListProblemCode>[] {
  const problems: ReferenceProblem<ReferenceListProblemCode>[] = [];
  for (const index of findDuplicates(entries, (entry) => entry.code)) {
    problems.push({
      code: 'DUPLICATE_CODE',
      message: `代码“${entries[index]?.code}”重复`,
      path: [index, 'code'],
    });
  }
  for (const index of findDuplicates(entries, (entry) => entry.label.trim())) {
    problems.push({
      code: 'DUPLICATE_LABEL',
      message: `名称“${entries[index]?.label.trim()}”重复`,
      path: [index, 'label'],
    });
  }
  return problems;
}

function referenceList<T extends z.ZodType<ReferenceEntry>>(entry: T, what: string) {
  return z
    .array(entry)
    .min(1, `${what}不能为空`)
    .superRefine((entries, ctx) => {
      for (const problem of checkReferenceList(entries)) {
        ctx.addIssue({
          code: 'custom',
          message: `${what}：${problem.message}`,
          path: problem.path,
          params: { rule: problem.code },
        });
      }
    });
}

export const disputeTypeEntrySchema = referenceEntrySchema.extend({
  /** What belongs to the type, to help the person registering choose. */
  description: z.string().trim().min(1, '请填写类型说明').max(100, '类型说明不超过 100 个字'),
});

/** The shape of resources/dispute-types.json; the order of `types` is the order of the statistics. */
export const disputeTypesFileSchema = z.object({
  edition: editionSchema,
  types: referenceList(disputeTypeEntrySchema, '纠纷类型'),
});

/** The three ways a case reaches a committee that docs/domain.md counts: application, initiative, transfer. */
const DISPUTE_SOURCE_GROUPS = ['application', 'initiative', 'transfer'] as const;
const disputeSourceGroupSchema = z.enum(DISPUTE_SOURCE_GROUPS, {
  error: '来源分组只能是申请、主动或移送',
});
const disputeSourceEntrySchema = referenceEntrySchema.extend({
  group: disputeSourceGroupSchema,
});

/** The shape of resources/mediation-reference.json. */
export const mediationReferenceFileSchema = z.object({
  edition: editionSchema,
  /** 纠纷来源: 当事人申请, 主动调解, 移送, 委托, 指定, 网格上报, 12345转办. */
  disputeSources: referenceList(disputeSourceEntrySchema, '纠纷来源'),
  /** Who a transferred case came from (公安机关, 人民法院, 部门 …), recorded beside the source 移送. */
  transferOrigins: referenceList(referenceEntrySchema, '移送单位'),
  /** 调解员背景: 退休法官, 律师, 乡贤, 村干部, 网格员 … */
  mediatorBackgrounds: referenceList(referenceEntrySchema, '调解员背景'),
  /** 调委会类型: 村（社区）, 乡镇（街道）, 行业性专业性 … */
  committeeKinds: referenceList(referenceEntrySchema, '调委会类型'),
  /** 事件报告类别: 安全隐患, 群体性事件苗头, 重大信息, 其他 … */
  eventReportCategories: referenceList(referenceEntrySchema, '事件报告类别'),
});
export type MediationReferenceFile = z.infer<typeof mediationReferenceFileSchema>;

/** The label for a code, or the code itself when the list does not know it (data from a newer edition). */
export function referenceLabel(entries: readonly ReferenceEntry[], code: string): string {
  return entries.find((entry) => entry.code === code)?.label ?? code;
}
