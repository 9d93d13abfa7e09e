import { z } from 'zod';
import { method } from '../define';
import { emptySchema, idSchema } from './common';

/** One side of a conflict as the 同步冲突 screen shows it. */
const conflictSideViewSchema = z.object({
  /** The value as shown: masked where lists mask it, 空 for none, 已删除/未删除 for deleted_at. */
  display: z.string(),
  /** Who made the change: a name from this terminal's users or the county's accounts, else 未知. */
  byName: z.string(),
  /** UTC ISO. */
  at: z.string(),
  /** e.g. 本机, 02 号终端. */
  terminal: z.string(),
});

export const syncConflictViewSchema = z.object({
  id: z.string(),
  /** e.g. 办件材料. */
  tableLabel: z.string(),
  /** The case, dispute, resident or event report, as people know it (its number and name). */
  recordLabel: z.string(),
  columnLabel: z.string(),
  kept: conflictSideViewSchema,
  other: conflictSideViewSchema,
  /** The two values differ only in their masked part. */
  differOnlyInMask: z.boolean(),
  openedAt: z.string(),
});
export type SyncConflictView = z.infer<typeof syncConflictViewSchema>;

export const syncConflictMethods = {
  /** This unit's open conflicts, read from the hub (needs it online). */
  'sync.conflicts': method({
    input: emptySchema,
    output: z.object({ conflicts: z.array(syncConflictViewSchema), more: z.boolean() }),
    access: ['admin', 'supervisor'],
  }),
  /**
   * Writes the chosen value as a change of the record here (synced like any other), then closes the
   * conflict on the hub.
   */
  'sync.resolveConflict': method({
    input: z.object({ conflictId: idSchema, choice: z.enum(['kept', 'other']) }),
    output: z.object({ id: z.string(), display: z.string() }),
    access: ['admin', 'supervisor'],
  }),
};
