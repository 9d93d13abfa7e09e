import { parseHlc } from '@shared/sync/hlc';
import {
  CLOCK_AHEAD_FLAG_MS,
  SYNC_RECORD_TABLES,
  type PushEntry,
  type SyncRejectionCode,
} from '@shared/sync/records-contract';
import { mergeEntry, type FieldConflict } from '@shared/sync/merge';
import { recordKey, type ClockFlag, type HubRecord, type Refusal } from './record-store';
import { isRootTable, rootOf } from './routing';
import { authorise, entryProblem } from './scope';

/**
 * What a push does to the records, decided in memory before anything is written: every entry of a
 * transaction (txId) is checked and merged against the records as the entries before it left them;
 * when one is refused, the transaction's changes are undone here and all its entries are refused.
 * A refused transaction is therefore never written at all, which gives the all-or-nothing of a
 * savepoint per txId without a round trip per transaction.
 */

export interface PlanInput {
  terminalId: string;
  terminalUnit: string;
  parentUnit: string | null;
  /** The units below the terminal's, with their parents (scope.ts). */
  below?: ReadonlyMap<string, string | null>;
  /** The new entries, in seq order. */
  entries: PushEntry[];
  /** The hub's records the entries name, and their roots; updated in place with the result. */
  records: Map<string, HubRecord>;
  /** Records this terminal may not change until a person settles a refusal (recordKey). */
  blocked: Set<string>;
  /**
   * New roots (recordKey) whose id the hub already holds as a root of another table: visibility and
   * feed key a root by its id alone, so such a record would take over the other root.
   */
  rootIdsTaken?: ReadonlySet<string>;
  nowMs: number;
}

export interface PlannedConflict {
  table: string;
  recordId: string;
  conflict: FieldConflict;
}

export interface Plan {
  /** Changed records (recordKey), in the order of their last change. */
  changed: string[];
  refusals: Refusal[];
  /** Records whose earlier refusals a person settled (the entry said settlesRefusal). */
  settled: { table: string; recordId: string }[];
  clockAhead: ClockFlag[];
  conflicts: PlannedConflict[];
}

/** Entries of one transaction, in the order the terminal wrote them. */
export function transactions(entries: PushEntry[]): PushEntry[][] {
  const groups: PushEntry[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last[0]!.txId === entry.txId) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

interface Applied {
  key: string;
  record: HubRecord;
  conflicts: FieldConflict[];
  flag: ClockFlag | null;
}

class TransactionRefused extends Error {
  constructor(
    readonly seq: number,
    readonly code: SyncRejectionCode,
  ) {
    super(code);
  }
}

export function planPush(input: PlanInput): Plan {
  const { records, blocked } = input;
  const lastChange = new Map<string, number>();
  const plan: Plan = { changed: [], refusals: [], settled: [], clockAhead: [], conflicts: [] };

  for (const group of transactions(input.entries)) {
    // The records as they were before this transaction, to undo it and to know a root's owner then.
    const before = new Map<string, { record?: HubRecord; last?: number }>();
    const ownerBefore = (key: string) =>
      (before.has(key) ? before.get(key)!.record : records.get(key))?.orgUnitId ?? null;
    const applied: Applied[] = [];
    try {
      for (const entry of group) {
        const key = recordKey(entry.table, entry.recordId);
        if (entry.settlesRefusal && blocked.delete(key)) {
          plan.settled.push({ table: entry.table, recordId: entry.recordId });
        }
        if (blocked.has(key)) throw new TransactionRefused(entry.seq, 'RECORD_BLOCKED');
        const result = applyEntry(input, entry, ownerBefore);
        if (typeof result === 'string') throw new TransactionRefused(entry.seq, result);
        if (!result) continue;
        if (!before.has(key)) {
          before.set(key, { record: records.get(key), last: lastChange.get(key) });
        }
        records.set(key, result.record);
        applied.push({ key, ...result });
        lastChange.set(key, entry.seq);
      }
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      for (const [key, { record, last }] of before) {
        if (record) records.set(key, record);
        else records.delete(key);
        if (last === undefined) lastChange.delete(key);
        else lastChange.set(key, last);
      }
      for (const entry of group) {
        const code = entry.seq === error.seq ? error.code : 'TRANSACTION_REFUSED';
        plan.refusals.push({ seq: entry.seq, table: entry.table, recordId: entry.recordId, code });
        blocked.add(recordKey(entry.table, entry.recordId));
      }
      continue;
    }
    for (const change of applied) {
      if (change.flag) plan.clockAhead.push(change.flag);
      for (const conflict of change.conflicts) {
        plan.conflicts.push({
          table: change.record.table,
          recordId: change.record.recordId,
          conflict,
        });
      }
    }
  }
  plan.changed = [...lastChange].sort((a, b) => a[1] - b[1]).map(([key]) => key);
  return plan;
}

const ROOT_TABLES = SYNC_RECORD_TABLES.filter(isRootTable);

/** Another root table holds the id, at the hub or earlier in this push. */
function rootIdTaken(input: PlanInput, entry: PushEntry): boolean {
  if (input.rootIdsTaken?.has(recordKey(entry.table, entry.recordId))) return true;
  return ROOT_TABLES.some(
    (table) => table !== entry.table && input.records.has(recordKey(table, entry.recordId)),
  );
}

/**
 * One entry against the records: a rejection code, null when it changes nothing (a late duplicate
 * of a change the hub has), or the record as it now stands.
 */
function applyEntry(
  input: PlanInput,
  entry: PushEntry,
  ownerBefore: (key: string) => string | null,
): SyncRejectionCode | null | Omit<Applied, 'key'> {
  if (entryProblem(entry)) return 'INVALID_ENTRY';
  const key = recordKey(entry.table, entry.recordId);
  const current = input.records.get(key) ?? null;
  if (current === null && entry.op !== 'insert') return 'UNKNOWN_RECORD';
  if (current === null && isRootTable(entry.table) && rootIdTaken(input, entry)) {
    return 'INVALID_ENTRY';
  }
  // An insert (no current record) names its root in its own columns: no copy of them to build.
  const root = rootOf(
    entry.table,
    entry.recordId,
    current ? { ...current.columns, ...entry.columns } : entry.columns,
  );
  if (!root) return 'INVALID_ENTRY';
  if (current && (current.rootId !== root.rootId || current.rootTable !== root.rootTable)) {
    return 'INVALID_ENTRY';
  }
  const rootKey = recordKey(root.rootTable, root.rootId);
  const rootRecord = isRootTable(entry.table) ? current : (input.records.get(rootKey) ?? null);
  const refused = authorise({
    terminalUnit: input.terminalUnit,
    parentUnit: input.parentUnit,
    ...(input.below ? { below: input.below } : {}),
    entry,
    current,
    root: rootRecord,
    rootOwnerBefore: ownerBefore(rootKey),
  });
  if (refused) return refused;
  const merged = mergeEntry(current, {
    op: entry.op,
    baseVersion: entry.baseVersion,
    version: entry.version,
    columns: entry.columns,
    at: entry.at,
    terminalId: input.terminalId,
    by: typeof entry.columns.updated_by === 'string' ? entry.columns.updated_by : null,
  });
  if (merged.outcome === 'unknown-record') return 'UNKNOWN_RECORD';
  if (!merged.changed) return null;
  const wall = parseHlc(entry.version).wall;
  const aheadMs = wall - input.nowMs;
  return {
    record: {
      table: entry.table,
      recordId: entry.recordId,
      orgUnitId: String(merged.record.columns.org_unit_id),
      rootTable: root.rootTable,
      rootId: root.rootId,
      version: merged.record.version,
      columns: merged.record.columns,
      fieldVersions: merged.record.fieldVersions,
      ...(merged.record.takenFrom ? { takenFrom: merged.record.takenFrom } : {}),
      deleted: merged.record.deleted,
      stored: current?.stored ?? false,
      changeSeq: current?.changeSeq ?? -1,
      originTerminalId: input.terminalId,
    },
    conflicts: merged.conflicts,
    flag:
      aheadMs > CLOCK_AHEAD_FLAG_MS && !steppedPastBase(entry, wall)
        ? {
            seq: entry.seq,
            table: entry.table,
            recordId: entry.recordId,
            version: entry.version,
            aheadMs,
          }
        : null,
  };
}

/**
 * An update stamped one step past its base (Stamper.nextVersionAfter: the base's time, or the next
 * millisecond when the counter carries) is ahead because the record was, when another terminal's
 * clock wrote it: it says nothing of this terminal's clock, which is what the flag is about.
 */
function steppedPastBase(entry: PushEntry, wall: number): boolean {
  return entry.baseVersion !== null && wall <= parseHlc(entry.baseVersion).wall + 1;
}
