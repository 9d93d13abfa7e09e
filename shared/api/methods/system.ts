import { z } from 'zod';
import { method } from '../define';
import { emptySchema, isoTimeSchema, orgUnitSchema, terminalSchema } from './common';

const systemStatusSchema = z.object({
  appVersion: z.string(),
  /** False until the first-run wizard has run on this database. */
  setupDone: z.boolean(),
  /** 'damaged' when PRAGMA quick_check failed at start: the app offers only a restore. */
  database: z.enum(['ok', 'damaged']),
  databaseProblem: z.string().nullable(),
  /**
   * 'damaged' once a request met an FTS5 index that disagrees with itself (SQLITE_CORRUPT_VTAB);
   * searches and saves that touch it fail until an administrator rebuilds the indexes.
   */
  searchIndex: z.enum(['ok', 'damaged', 'rebuilding']),
  orgUnit: orgUnitSchema.nullable(),
  terminal: terminalSchema.nullable(),
  lastBackupAt: isoTimeSchema.nullable(),
  /** Low disk space for the next backups, or why the last daily backup failed (Chinese); null when fine. */
  backupWarning: z.string().nullable(),
  /** Sync is a later issue; until a hub is configured the terminal is offline by design. */
  online: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const systemMethods = {
  'system.status': method({ input: emptySchema, output: systemStatusSchema, access: 'public' }),
};
