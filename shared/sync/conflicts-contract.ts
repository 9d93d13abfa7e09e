import { z } from 'zod';
import { syncRecordTableSchema } from './records-contract';

/**
 * 同步冲突 (issue 15, item 5): the same column of a record changed from the same base at two
 * terminals. The hub's record keeps the value that arrived first (merge.ts); both values wait here
 * until a person of the owning unit chooses.
 *
 * Resolving, so that it stays exactly once and nothing is silent: the terminal writes the chosen
 * value as an ordinary local change of the record (version, audit and outbox entry in one
 * transaction), and then asks the hub to close the conflict. It does so only once it holds the
 * record as the hub has had it since the conflict opened: the hub's version of a record with a
 * conflict is at least both sides' (merge.ts), so the change is based on both values the person saw
 * and the hub takes it without opening a new conflict. The
 * change reaches the hub through the push like any other, exactly once by (terminal, epoch, seq),
 * and every terminal that sees the record pulls it. Closing is idempotent: the same choice again is
 * answered as before, a different one is refused.
 */

const columnValue = z.union([z.string(), z.number(), z.null()]);
export type ColumnValue = z.infer<typeof columnValue>;

export const conflictSideSchema = z.object({
  value: columnValue,
  version: z.string(),
  terminalId: z.string(),
  /** The terminal's number in its unit ("03"), when the hub knows the terminal. */
  terminalNumber: z.string().nullable(),
  /** The user who made the change, when the change said so. */
  by: z.string().nullable(),
  /** Their name from the county's staff accounts, when the hub holds the account. */
  byName: z.string().nullable(),
  /** UTC ISO. */
  at: z.string(),
});
export type ConflictSide = z.infer<typeof conflictSideSchema>;

export const syncConflictSchema = z.object({
  id: z.string(),
  table: syncRecordTableSchema,
  recordId: z.string(),
  /** The case, dispute, resident or event report the record belongs to. */
  rootTable: syncRecordTableSchema,
  rootId: z.string(),
  column: z.string(),
  kept: conflictSideSchema,
  other: conflictSideSchema,
  openedAt: z.string(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/** The newest first; a unit with more open conflicts than this sees them as it resolves. */
export const CONFLICTS_PAGE_MAX = 200;

export const conflictsResponseSchema = z.object({
  conflicts: z.array(syncConflictSchema),
  /** More open conflicts than the page holds. */
  more: z.boolean(),
});
export type ConflictsResponse = z.infer<typeof conflictsResponseSchema>;

export const conflictChoiceSchema = z.union([
  z.enum(['kept', 'other']),
  z.object({ value: columnValue }),
]);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export const resolveConflictRequestSchema = z.object({
  choice: conflictChoiceSchema,
  /** The user who chose (the terminal's signed-in supervisor or administrator). */
  resolvedBy: z.string().min(1).max(100),
});
export type ResolveConflictRequest = z.infer<typeof resolveConflictRequestSchema>;

export const resolveConflictResponseSchema = z.object({
  id: z.string(),
  resolvedAt: z.string(),
  resolvedBy: z.string(),
  resolvedValue: columnValue,
});
export type ResolveConflictResponse = z.infer<typeof resolveConflictResponseSchema>;

/** The value a choice stands for. */
export function chosenValue(
  kept: ColumnValue,
  other: ColumnValue,
  choice: ConflictChoice,
): ColumnValue {
  if (choice === 'kept') return kept;
  if (choice === 'other') return other;
  return choice.value;
}
