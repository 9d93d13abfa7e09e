import type { PushEntry } from '@shared/sync/records-contract';

/**
 * Stand-in for shared/sync/merge.ts (helper wt-conflicts writes the field-by-field merge) with the
 * same signature: every column the entry names overwrites the hub's and takes the entry's version.
 * Replaced by the real merge as soon as it is on this branch.
 */

export type ColumnValue = string | number | null;

export interface HubRecordState {
  columns: Record<string, ColumnValue>;
  fieldVersions: Record<string, string>;
  version: string;
  deleted: boolean;
}

export type MergeEntry = Pick<PushEntry, 'op' | 'baseVersion' | 'version' | 'columns' | 'at'> & {
  terminalId: string;
  by: string | null;
};

export interface ConflictSide {
  value: ColumnValue;
  version: string;
  terminalId: string;
  by: string | null;
  at: string;
}

export interface FieldConflict {
  column: string;
  baseVersion: string | null;
  kept: ConflictSide;
  other: ConflictSide;
}

export type MergeResult =
  | { outcome: 'unknown-record' }
  | {
      outcome: 'merged';
      record: HubRecordState;
      changed: boolean;
      appliedColumns: string[];
      conflicts: FieldConflict[];
    };

export function mergeEntry(current: HubRecordState | null, entry: MergeEntry): MergeResult {
  if (current === null && entry.op !== 'insert') return { outcome: 'unknown-record' };
  const columns: Record<string, ColumnValue> = {
    ...current?.columns,
    ...entry.columns,
    version: entry.version,
  };
  const fieldVersions = { ...current?.fieldVersions };
  for (const column of Object.keys(entry.columns)) fieldVersions[column] = entry.version;
  const version = current && current.version > entry.version ? current.version : entry.version;
  return {
    outcome: 'merged',
    record: { columns, fieldVersions, version, deleted: columns.deleted_at != null },
    changed: true,
    appliedColumns: Object.keys(entry.columns),
    conflicts: [],
  };
}
