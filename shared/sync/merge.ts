import { formatHlc, parseHlc, tick } from './hlc';
import type { PushEntry } from './records-contract';

/**
 * How the hub folds one pushed change into the record it holds (issue 15, "conflicts to people").
 * Pure: the hub reads the record, authorises the entry (scope, hand-over of org_unit_id) and then
 * stores what this returns, all in its push transaction.
 *
 * Field by field: every column remembers the version of the change that last set it. A change takes
 * a column whose last setter its writer had seen (field version <= the entry's base version). A
 * column changed since then by someone else, to a different value, is a concurrent edit of the same
 * field from the same base: the record keeps the value that arrived first and a conflict keeps the
 * other for a person to choose. Nothing is decided by last-writer-wins.
 *
 * Sync columns:
 * - id, created_at, created_by, origin_terminal_id are set by the insert and never change after it.
 * - version is the newest of the record's and the entry's, whenever the entry is not a duplicate. When
 *   the entry opens a conflict it is one step past both, stamped by HUB_VERSION_NODE: the terminal
 *   whose value was not kept holds the entry's version, and would otherwise take the hub's row (same
 *   version, other value) for one it already has, in pulls and digests alike. A terminal that has
 *   pulled the record has then seen both sides of every conflict on it.
 * - updated_at and updated_by follow the newest change that set at least one column.
 * - org_unit_id merges like any column; the hub has checked before the merge that a change of it is
 *   an authorised hand-over or escalation.
 * - deleted_at: a tombstone wins over a concurrent update. The record is deleted and a conflict on
 *   deleted_at keeps "not deleted" as the other value, with the update's values still in the
 *   record's columns, so that a person can bring it back as it was edited.
 *
 * A change the hub took before can come again under a new key: a terminal that went back to a
 * backup renumbers its unpushed entries into a new epoch (electron/backend/epoch), and some of them
 * the hub already has. Its columns may have moved on since (its own later change, or another
 * terminal's that saw it, or the choice that closed a conflict it opened): merged as new, it would
 * open a conflict against a value it already lost to, or against its own later value. So the record
 * remembers, per terminal, the newest version it took from it (`takenFrom`): one terminal's versions
 * only grow (its clock floor, core/clock-floor.ts), so a change of that terminal at or below it is
 * one the hub has had, and changes nothing.
 */

export type ColumnValue = string | number | null;

/** The record as the hub holds it now. */
export interface HubRecordState {
  columns: Record<string, ColumnValue>;
  /** Column → the version of the change that last set it. */
  fieldVersions: Record<string, string>;
  version: string;
  deleted: boolean;
  /** Terminal → the newest version of its changes the record took (absent on records from before). */
  takenFrom?: Record<string, string>;
}

/** A pushed entry with who made it, as the hub knows from the terminal's token and the payload. */
export type MergeEntry = Pick<PushEntry, 'op' | 'baseVersion' | 'version' | 'columns' | 'at'> & {
  terminalId: string;
  /** The user who made the change (its updated_by), null when the payload does not say. */
  by: string | null;
};

/** One side of a conflict: the value and the change that set it. */
export interface ConflictSide {
  value: ColumnValue;
  version: string;
  terminalId: string;
  by: string | null;
  /** UTC ISO. */
  at: string;
}

export interface FieldConflict {
  column: string;
  baseVersion: string | null;
  /** What the record holds now. */
  kept: ConflictSide;
  /** What the record does not hold, kept for a person to choose. */
  other: ConflictSide;
}

export type MergeResult =
  | { outcome: 'unknown-record' }
  | {
      outcome: 'merged';
      record: HubRecordState;
      /** False when the entry changed nothing and opened nothing (a late duplicate). */
      changed: boolean;
      /** Columns whose value the entry set. */
      appliedColumns: string[];
      conflicts: FieldConflict[];
    };

/** The node of versions the hub stamps itself: a record's version after a merge opened a conflict. */
export const HUB_VERSION_NODE = 'hub';

/** Set once by the insert. */
const CREATION_COLUMNS = new Set(['id', 'created_at', 'created_by', 'origin_terminal_id']);
/** Follow the merge instead of being merged. */
const DERIVED_COLUMNS = new Set(['version', 'updated_at', 'updated_by', 'deleted_at']);

/**
 * Clock order. The text form sorts too (fixed-width ISO time and counter, then the node), but the
 * parse checks that both are versions at all: a malformed version must fail loudly, not sort.
 */
export function compareVersions(a: string, b: string): number {
  const x = parseHlc(a);
  const y = parseHlc(b);
  if (x.wall !== y.wall) return x.wall < y.wall ? -1 : 1;
  if (x.counter !== y.counter) return x.counter < y.counter ? -1 : 1;
  return x.node < y.node ? -1 : x.node > y.node ? 1 : 0;
}

/** The next version after `version` without a wall clock: the hub's clock plays no part in the merge. */
function stepPast(version: string): string {
  const stamp = parseHlc(version);
  return formatHlc(tick({ ...stamp, node: HUB_VERSION_NODE }, stamp.wall));
}

function newest(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}

/** Has the writer seen the change that set this version? */
function seen(version: string, base: string | null): boolean {
  return base !== null && compareVersions(version, base) <= 0;
}

export function mergeEntry(current: HubRecordState | null, entry: MergeEntry): MergeResult {
  if (current === null) {
    if (entry.op !== 'insert') return { outcome: 'unknown-record' };
    const fieldVersions: Record<string, string> = {};
    for (const column of Object.keys(entry.columns)) fieldVersions[column] = entry.version;
    return {
      outcome: 'merged',
      record: {
        columns: { ...entry.columns, version: entry.version },
        fieldVersions,
        version: entry.version,
        deleted: entry.columns.deleted_at != null,
        takenFrom: { [entry.terminalId]: entry.version },
      },
      changed: true,
      appliedColumns: Object.keys(entry.columns),
      conflicts: [],
    };
  }
  // Ids are issued once (UUIDv7), so whoever changed a record the hub holds had its insert: an
  // insert arriving again is a late duplicate.
  if (entry.op === 'insert') return unchanged(current);
  return mergeChange(current, entry);
}

function unchanged(current: HubRecordState): MergeResult {
  return { outcome: 'merged', record: current, changed: false, appliedColumns: [], conflicts: [] };
}

/** Has the record taken this change, or a later one of the same terminal, before? */
function takenBefore(current: HubRecordState, entry: MergeEntry): boolean {
  const last = current.takenFrom?.[entry.terminalId];
  return last !== undefined && compareVersions(entry.version, last) <= 0;
}

function mergeChange(current: HubRecordState, entry: MergeEntry): MergeResult {
  if (takenBefore(current, entry)) return unchanged(current);
  const columns = { ...current.columns };
  const fieldVersions = { ...current.fieldVersions };
  const applied: string[] = [];
  const conflicts: FieldConflict[] = [];

  for (const [column, value] of Object.entries(entry.columns)) {
    if (CREATION_COLUMNS.has(column) || DERIVED_COLUMNS.has(column)) continue;
    if (!(column in current.columns)) {
      // A column the hub has never held (a newer terminal's schema): nobody can have set it.
      columns[column] = value;
      fieldVersions[column] = entry.version;
      applied.push(column);
      continue;
    }
    const held = fieldVersions[column] ?? current.version;
    if (seen(held, entry.baseVersion)) {
      columns[column] = value;
      fieldVersions[column] = entry.version;
      applied.push(column);
    } else if (columns[column] === value) {
      fieldVersions[column] = newest(held, entry.version);
    } else {
      conflicts.push({
        column,
        baseVersion: entry.baseVersion,
        kept: keptSide(current, column, held),
        other: entrySide(entry, value),
      });
    }
  }

  const deletion = mergeDeletion(current, entry, applied.length > 0);
  if (deletion.deletedAt !== undefined) {
    columns.deleted_at = deletion.deletedAt;
    fieldVersions.deleted_at = entry.version;
    applied.push('deleted_at');
  }
  if (deletion.conflict) conflicts.push(deletion.conflict);

  const newer = compareVersions(entry.version, current.version) > 0;
  // A record from before `takenFrom` cannot tell a change it took from one that set only equal
  // values, and lets both be; with it, even a change that set nothing is remembered.
  if (applied.length === 0 && conflicts.length === 0 && !newer && !current.takenFrom) {
    return unchanged(current);
  }
  const takenFrom = { ...current.takenFrom, [entry.terminalId]: entry.version };

  const lastUpdate = fieldVersions.updated_at ?? current.version;
  if (applied.length > 0 && compareVersions(entry.version, lastUpdate) > 0) {
    for (const column of ['updated_at', 'updated_by'] as const) {
      if (column in entry.columns) {
        columns[column] = entry.columns[column] ?? null;
        fieldVersions[column] = entry.version;
      }
    }
  }
  const version =
    conflicts.length > 0
      ? stepPast(newest(current.version, entry.version))
      : newest(current.version, entry.version);
  columns.version = version;
  fieldVersions.version = version;
  return {
    outcome: 'merged',
    record: {
      columns,
      fieldVersions,
      version,
      deleted: columns.deleted_at != null,
      takenFrom,
    },
    changed: true,
    appliedColumns: applied,
    conflicts,
  };
}

function entrySide(entry: MergeEntry, value: ColumnValue): ConflictSide {
  return {
    value,
    version: entry.version,
    terminalId: entry.terminalId,
    by: entry.by,
    at: entry.at,
  };
}

/**
 * The kept side's who and when: the user and time of the change that set the column when the
 * record's updated_by/at still come from it, else what the version itself says (the terminal that
 * stamped it, its wall time).
 */
function keptSide(current: HubRecordState, column: string, version: string): ConflictSide {
  const stamp = parseHlc(version);
  const by = current.columns.updated_by;
  const at = current.columns.updated_at;
  const fromIt = (name: string) => (current.fieldVersions[name] ?? current.version) === version;
  return {
    value: current.columns[column] ?? null,
    version,
    terminalId: stamp.node,
    by: fromIt('updated_by') && typeof by === 'string' ? by : null,
    at: fromIt('updated_at') && typeof at === 'string' ? at : new Date(stamp.wall).toISOString(),
  };
}

/**
 * A tombstone against a concurrent update. deletedAt: the value deleted_at takes (undefined: left
 * as it is). The tombstone wins either way round; the conflict keeps "not deleted" as the other value
 * while the update's values stay in the record's columns, so a person can bring it back as edited.
 */
function mergeDeletion(
  current: HubRecordState,
  entry: MergeEntry,
  updateApplied: boolean,
): { deletedAt?: ColumnValue; conflict: FieldConflict | null } {
  const held = current.fieldVersions.deleted_at ?? current.version;
  const deletes = entry.op === 'delete' || entry.columns.deleted_at != null;
  if (deletes) {
    if (current.deleted) return { conflict: null };
    const deletedAt = entry.columns.deleted_at ?? entry.at;
    const edited = concurrentEdit(current, entry);
    if (!edited) return { deletedAt, conflict: null };
    return {
      deletedAt,
      conflict: {
        column: 'deleted_at',
        baseVersion: entry.baseVersion,
        kept: entrySide(entry, deletedAt),
        other: { ...keptSide(current, edited.column, edited.version), value: null },
      },
    };
  }
  if (!current.deleted) return { conflict: null };
  const undeletes = 'deleted_at' in entry.columns;
  if (seen(held, entry.baseVersion))
    return undeletes ? { deletedAt: null, conflict: null } : { conflict: null };
  // An edit of a record its writer did not know was deleted (a late duplicate edits nothing).
  if (!undeletes && !updateApplied) return { conflict: null };
  return {
    conflict: {
      column: 'deleted_at',
      baseVersion: entry.baseVersion,
      kept: keptSide(current, 'deleted_at', held),
      other: entrySide(entry, null),
    },
  };
}

/** The newest edit of a data column the delete's writer had not seen, if any. */
function concurrentEdit(
  current: HubRecordState,
  entry: MergeEntry,
): { column: string; version: string } | null {
  let found: { column: string; version: string } | null = null;
  for (const [column, version] of Object.entries(current.fieldVersions)) {
    if (CREATION_COLUMNS.has(column) || DERIVED_COLUMNS.has(column)) continue;
    if (seen(version, entry.baseVersion)) continue;
    if (!found || compareVersions(version, found.version) > 0) found = { column, version };
  }
  return found;
}
