import { z } from 'zod';
import { method } from '../define';
import { emptySchema } from './common';

/** How far a pull of the unit's records has come: a new terminal's first sync takes minutes. */
export const hubPullProgressSchema = z.object({
  running: z.boolean(),
  /** Records written here by the pull running now, or by the last one. */
  applied: z.number().int().nonnegative(),
  /** Left at the hub after the last page (an upper bound); 0 when done. */
  remaining: z.number().int().nonnegative(),
  /** Records waiting here for a record they refer to. */
  held: z.number().int().nonnegative(),
});
export type HubPullProgress = z.infer<typeof hubPullProgressSchema>;

export const hubPullMethods = {
  'hub.pullProgress': method({
    input: emptySchema,
    output: hubPullProgressSchema,
    access: 'session',
  }),
};
