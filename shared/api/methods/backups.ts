import { z } from 'zod';
import { method } from '../define';
import { emptySchema, isoTimeSchema } from './common';

export const backupSchema = z.object({
  name: z.string(),
  createdAt: isoTimeSchema,
  sizeBytes: z.number().int(),
  reason: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-rematch']),
});
export type Backup = z.infer<typeof backupSchema>;

/**
 * The kept backups (daily, weekly and monthly, as the settings say) stay within 1.5× the
 * database's size, so that with a backup's temporary copy the folder stays within 3×.
 */
export const BACKUP_ROTATION = { budgetShareOfDatabase: 1.5 } as const;

export const backupsMethods = {
  'backups.list': method({ input: emptySchema, output: z.array(backupSchema), access: ['admin'] }),
  'backups.create': method({ input: emptySchema, output: backupSchema, access: ['admin'] }),
  /** Replaces the database with a backup (after backing up the current one) and reopens it. */
  'backups.restore': method({
    input: z.object({ name: z.string().min(1) }),
    output: z.object({}),
    access: ['admin'],
  }),
};
