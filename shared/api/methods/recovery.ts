import { z } from 'zod';
import { method } from '../define';
import { backupSchema } from './backups';
import { emptySchema } from './common';

export const recoveryMethods = {
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
