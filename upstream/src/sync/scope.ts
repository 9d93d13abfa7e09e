import { parseHlc } from '@shared/sync/hlc';
import type { PushEntry, SyncRejectionCode } from '@shared/sync/records-contract';
import { isRootTable, type Columns } from './routing';

/**
 * Whether a terminal may make a change (issue 15, item 2, "authority"). The unit is the token's,
 * never one named in the payload. Pure: push.ts hands it the hub's records as they stand after the
 * entries before this one.
 */

/** The columns an event report's addressee sets when it acknowledges the report. */
const ACKNOWLEDGEMENT_COLUMNS = new Set([
  'acknowledged_at',
  'acknowledged_by',
  'acknowledged_by_name',
  'acknowledgement_note',
  'updated_at',
  'updated_by',
  'version',
]);

/** The roots whose owner may pass them to the parent unit: a case's hand-over, a dispute's 上交. */
const MOVABLE_ROOTS = new Set(['cases', 'disputes']);

export interface ScopeCheck {
  terminalUnit: string;
  /** The terminal unit's parent: the one unit a case or dispute may be handed to. */
  parentUnit: string | null;
  /**
   * The units below the terminal's, each with its parent: a township's window also writes for its
   * villages (a dispute registered for a village, a village's case it hands on), as its own
   * screens let it. Absent: the terminal's own unit only.
   */
  below?: ReadonlyMap<string, string | null>;
  entry: Pick<PushEntry, 'table' | 'op' | 'columns'>;
  /** The record as the hub holds it (with this push's earlier changes); null: not on the hub. */
  current: { orgUnitId: string; columns: Columns } | null;
  /** The record's root as the hub holds it; for a root, the record itself. */
  root: { orgUnitId: string; columns: Columns } | null;
  /**
   * The root's owner before the entry's transaction began: the entries a hand-over writes after
   * moving the case (its timeline event) are still the handing unit's.
   */
  rootOwnerBefore: string | null;
}

function movesTo(check: ScopeCheck): string | null {
  const named = check.entry.columns.org_unit_id;
  if (named === undefined || check.current === null) return null;
  return named === check.current.orgUnitId ? null : String(named);
}

/** An event report stays its reporting unit's: the unit above only acknowledges it. */
function inScope(check: ScopeCheck, unit: unknown): boolean {
  if (unit === check.terminalUnit) return true;
  if (check.entry.table === 'event_reports') return false;
  return typeof unit === 'string' && check.below?.has(unit) === true;
}

/** The unit a root owned by `owner` may be handed to: the owner's parent. */
function parentOf(check: ScopeCheck, owner: string): string | null {
  return owner === check.terminalUnit ? check.parentUnit : (check.below?.get(owner) ?? null);
}

/** The addressee of an event report may set its acknowledgement and nothing else. */
function isAcknowledgement(check: ScopeCheck): boolean {
  const { entry, current } = check;
  if (entry.table !== 'event_reports' || entry.op !== 'update' || !current) return false;
  if (!inScope(check, current.columns.receiving_org_id)) return false;
  return Object.entries(entry.columns).every(
    ([column, value]) => ACKNOWLEDGEMENT_COLUMNS.has(column) || current.columns[column] === value,
  );
}

export function authorise(check: ScopeCheck): SyncRejectionCode | null {
  const { entry, current, root } = check;
  if (current === null && entry.op !== 'insert') return 'UNKNOWN_RECORD';
  if (current === null && isRootTable(entry.table)) {
    return inScope(check, entry.columns.org_unit_id) ? null : 'OUT_OF_SCOPE';
  }
  if (root === null) return 'UNKNOWN_RECORD';
  const owns = inScope(check, root.orgUnitId) || inScope(check, check.rootOwnerBefore);
  if (!owns) return isAcknowledgement(check) ? null : 'OUT_OF_SCOPE';
  if (isRootTable(entry.table)) {
    const to = movesTo(check);
    if (to === null) return null;
    const owner = current!.orgUnitId;
    const handOver = MOVABLE_ROOTS.has(entry.table) && to === parentOf(check, owner);
    return handOver && inScope(check, owner) ? null : 'OUT_OF_SCOPE';
  }
  // A child row names its unit: one in the terminal's scope, or the root's owner now (the timeline
  // event a hand-over writes is the receiving township's).
  const named = entry.columns.org_unit_id;
  if (named === undefined || inScope(check, named) || named === root.orgUnitId) return null;
  return 'OUT_OF_SCOPE';
}

function validVersion(text: string | null): boolean {
  if (text === null) return true;
  try {
    parseHlc(text);
    return true;
  } catch {
    return false;
  }
}

/** An entry that cannot be a change the terminal made: INVALID_ENTRY. */
export function entryProblem(entry: PushEntry): string | null {
  const { columns } = entry;
  if (!validVersion(entry.version) || !validVersion(entry.baseVersion)) return 'version';
  if (columns.id !== undefined && columns.id !== entry.recordId) return 'id';
  if (columns.version !== undefined && columns.version !== entry.version) return 'version';
  if (columns.org_unit_id !== undefined && typeof columns.org_unit_id !== 'string') {
    return 'org_unit_id';
  }
  if (entry.op === 'insert' && typeof columns.org_unit_id !== 'string') return 'org_unit_id';
  if (Number.isNaN(Date.parse(entry.at))) return 'at';
  return null;
}

/**
 * Whether a terminal's record of a person may change the county's record of the same person
 * silently when the hub merges the two (resident-merge.ts): the survivor is the terminal unit's,
 * a unit's below it, or its parent township's, whose window serves the village's people alike.
 * Knowing a document number gives no other unit a say over another township's record.
 */
export function mayMergeInto(
  scope: Pick<ScopeCheck, 'terminalUnit' | 'parentUnit' | 'below'>,
  owner: string,
): boolean {
  return (
    owner === scope.terminalUnit || owner === scope.parentUnit || scope.below?.has(owner) === true
  );
}
