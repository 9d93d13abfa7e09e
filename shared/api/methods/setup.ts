import { z } from 'zod';
import { method } from '../define';
import { orgLevelSchema } from '../roles';
import {
  displayNameSchema,
  emptySchema,
  orgUnitSchema,
  passwordSchema,
  terminalSchema,
  usernameSchema,
} from './common';

export const demoOrgNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: orgLevelSchema,
  parentCode: z.string().nullable(),
});
export type DemoOrgNode = z.infer<typeof demoOrgNodeSchema>;

export const setupInputSchema = z.object({
  level: orgLevelSchema,
  divisionCode: z.string().trim(),
  orgName: z.string().trim().min(1, '请填写单位名称').max(60, '单位名称不超过 60 个字'),
  terminalName: z.string().trim().min(1, '请填写终端名称').max(40, '终端名称不超过 40 个字'),
  /** Two digits, goes into case numbers. */
  terminalNumber: z
    .string()
    .trim()
    .regex(/^\d{2}$/, '终端编号为两位数字，例如 01'),
  admin: z.object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
  }),
  /** The counter's phone printed on receipts and notices; may be left for 系统设置 later. */
  counterPhone: z.string().trim().max(30, '联系电话不超过 30 个字符').default(''),
  /** Load resources/demo-org-tree.json so that the township's villages and county exist for a trial. */
  loadDemoOrgTree: z.boolean().default(false),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupMethods = {
  'setup.demoOrgTree': method({
    input: emptySchema,
    output: z.object({ countyName: z.string(), nodes: z.array(demoOrgNodeSchema) }),
    access: 'public',
  }),
  'setup.initialize': method({
    input: setupInputSchema,
    output: z.object({ orgUnit: orgUnitSchema, terminal: terminalSchema }),
    access: 'public',
  }),
};
