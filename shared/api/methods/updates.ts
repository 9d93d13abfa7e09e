import { z } from 'zod';
import { method } from '../define';
import { isoTimeSchema } from './common';

/**
 * What the backend last learnt from the county hub's update feed. The renderer adds what the desktop
 * app's updater reports (download progress, downloaded) and words it with describeUpdate.
 */
export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  /** The hub's current release; null when it has none, or this terminal has not joined a hub. */
  latestVersion: z.string().nullable(),
  releaseDate: z.string().nullable(),
  /** The oldest app version the hub still syncs with; null when it states none. */
  oldestAppVersion: z.string().nullable(),
  checkedAt: isoTimeSchema.nullable(),
  /** Why the last check failed (hub unreachable, terminal revoked), in Chinese; null when it did not. */
  problem: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updatesMethods = {
  /** `refresh` asks the hub's feed now instead of answering from the last check (every 4 hours). */
  'updates.status': method({
    input: z.object({ refresh: z.boolean().default(false) }),
    output: updateStatusSchema,
    access: 'session',
  }),
};
