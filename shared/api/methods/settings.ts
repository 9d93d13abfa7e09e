import { z } from 'zod';
import { method } from '../define';
import { emptySchema } from './common';

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Every backup of these last days is kept. */
  backupRetentionDays: z.number().int().min(1).max(365),
  /** Beyond them, the newest backup of each of the last this many weeks. */
  backupKeepWeeks: z
    .number()
    .int()
    .min(0, '每周备份份数为 0 到 52')
    .max(52, '每周备份份数为 0 到 52'),
  /** Beyond those, the newest backup of each of the last this many months. */
  backupKeepMonths: z
    .number()
    .int()
    .min(0, '每月备份份数为 0 到 120')
    .max(120, '每月备份份数为 0 到 120'),
  /** The counter's phone printed on receipts and notices; checked and stored like a resident's. */
  counterPhone: z.string().trim().max(30, '联系电话不超过 30 个字符'),
});
/** An update that leaves out the counter phone or the weekly and monthly backups keeps those stored. */
const settingsUpdateSchema = settingsSchema.extend({
  counterPhone: settingsSchema.shape.counterPhone.optional(),
  backupKeepWeeks: settingsSchema.shape.backupKeepWeeks.optional(),
  backupKeepMonths: settingsSchema.shape.backupKeepMonths.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsMethods = {
  'settings.get': method({ input: emptySchema, output: settingsSchema, access: 'session' }),
  'settings.update': method({
    input: settingsUpdateSchema,
    output: settingsSchema,
    access: ['admin'],
  }),
};
