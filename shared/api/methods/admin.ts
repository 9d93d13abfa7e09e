import { z } from 'zod';
import { method } from '../define';
import { emptySchema, isoTimeSchema } from './common';

export const backupSchema = z.object({
  name: z.string(),
  createdAt: isoTimeSchema,
  sizeBytes: z.number().int(),
  reason: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']),
});
export type Backup = z.infer<typeof backupSchema>;

/**
 * The kept backups (daily, weekly and monthly, as the settings say) stay within 1.5× the
 * database's size, so that with a backup's temporary copy the folder stays within 3×.
 */
export const BACKUP_ROTATION = { budgetShareOfDatabase: 1.5 } as const;

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
export const settingsUpdateSchema = settingsSchema.extend({
  counterPhone: settingsSchema.shape.counterPhone.optional(),
  backupKeepWeeks: settingsSchema.shape.backupKeepWeeks.optional(),
  backupKeepMonths: settingsSchema.shape.backupKeepMonths.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const searchIndexRebuildSchema = z.object({
  residents: z.number().int(),
  cases: z.number().int(),
  disputes: z.number().int(),
  durationMs: z.number().int(),
});
export type SearchIndexRebuild = z.infer<typeof searchIndexRebuildSchema>;

export const adminMethods = {
  'settings.get': method({ input: emptySchema, output: settingsSchema, access: 'session' }),
  'settings.update': method({
    input: settingsUpdateSchema,
    output: settingsSchema,
    access: ['admin'],
  }),
  'backups.list': method({ input: emptySchema, output: z.array(backupSchema), access: ['admin'] }),
  'backups.create': method({ input: emptySchema, output: backupSchema, access: ['admin'] }),
  /** Replaces the database with a backup (after backing up the current one) and reopens it. */
  'backups.restore': method({
    input: z.object({ name: z.string().min(1) }),
    output: z.object({}),
    access: ['admin'],
  }),
  /**
   * Rebuilds the full-text search indexes of residents, cases and disputes from their tables. Every
   * other request is refused with SEARCH_INDEX_REBUILDING while it runs.
   */
  'searchIndex.rebuild': method({
    input: emptySchema,
    output: searchIndexRebuildSchema,
    access: ['admin'],
  }),
  /**
   * While quick_check has found the database damaged nobody can sign in, so the person at the terminal
   * may list and restore backups without a session; the backend refuses these when the database is fine.
   */
  'recovery.listBackups': method({
    input: emptySchema,
    output: z.array(backupSchema),
    access: 'public',
  }),
  'recovery.restore': method({
    input: z.object({ name: z.string().min(1) }),
    output: z.object({}),
    access: 'public',
  }),
};
