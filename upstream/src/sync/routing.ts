import { SYNC_RECORD_ROOTS, type SyncRecordTable } from '@shared/sync/records-contract';

/**
 * Who sees what (issue 15, "routing"): a record travels with its root, and a root is seen by the
 * units its own columns name. Pure, so that every rule sits in one table-driven test
 * (routing.test.ts); the push reads the rows and writes what this decides.
 */

export type RootTable = 'residents' | 'cases' | 'disputes' | 'event_reports';
export type Access = 'owner' | 'addressee' | 'reader';
export type Columns = Record<string, string | number | null>;

export interface RootKey {
  rootTable: RootTable;
  rootId: string;
}

/**
 * The root a record belongs to, read from its columns (the hub's copy overlaid with the entry's).
 * An attachment belongs to its case, else to its event report; null when the column that names the
 * root is missing.
 */
export function rootOf(table: SyncRecordTable, recordId: string, columns: Columns): RootKey | null {
  if (table === 'attachments') {
    const caseId = columns.case_id;
    if (typeof caseId === 'string' && caseId) return { rootTable: 'cases', rootId: caseId };
    const reportId = columns.event_report_id;
    if (typeof reportId === 'string' && reportId) {
      return { rootTable: 'event_reports', rootId: reportId };
    }
    return null;
  }
  const { root, via } = SYNC_RECORD_ROOTS[table];
  if (via === null) return { rootTable: root, rootId: recordId };
  const rootId = columns[via];
  return typeof rootId === 'string' && rootId ? { rootTable: root, rootId } : null;
}

export function isRootTable(table: SyncRecordTable): table is RootTable {
  return SYNC_RECORD_ROOTS[table].via === null;
}

const RANK: Record<Access, number> = { reader: 0, addressee: 1, owner: 2 };

function grant(
  into: Map<string, Access>,
  unit: string | number | null | undefined,
  access: Access,
) {
  if (typeof unit !== 'string' || !unit) return;
  const held = into.get(unit);
  if (!held || RANK[access] > RANK[held]) into.set(unit, access);
}

/** The county's org tree, each unit with its parent (null: the county centre). */
export type ParentOf = ReadonlyMap<string, string | null>;

/** The units above `unit`, nearest first; a unit missing from the tree has none. */
export function unitsAbove(parents: ParentOf, unit: string): string[] {
  const above: string[] = [];
  for (let next = parents.get(unit); next && !above.includes(next); next = parents.get(next)) {
    above.push(next);
  }
  return above;
}

/**
 * The units a root's own record names: its owner; a case's filing village keeps reading it after
 * the hand-over; a dispute's readers (the units it was escalated from); an event report's
 * addressee. `readerUnits`: the reader_org_id of the dispute's live dispute_readers rows.
 *
 * Every unit above one of those reads the case, dispute or event report too, as the terminal's own
 * screens let it (org/repository.ts orgScope: a unit's reads cover the units below it): a township
 * supervises its villages' cases and disputes and sees the reports they send or receive, and the
 * county centre's 统计 counts everything below it. Residents are not read this way: a resident is
 * seen by the units that see a case or dispute naming them, so a unit above holds only the
 * residents its oversight needs.
 */
export function namedAccess(
  rootTable: RootTable,
  columns: Columns,
  readerUnits: readonly string[] = [],
  parents: ParentOf = new Map(),
): Map<string, Access> {
  const access = new Map<string, Access>();
  grant(access, columns.org_unit_id, 'owner');
  if (rootTable === 'cases') grant(access, columns.agency_org_id, 'reader');
  if (rootTable === 'event_reports') grant(access, columns.receiving_org_id, 'addressee');
  if (rootTable === 'disputes') for (const unit of readerUnits) grant(access, unit, 'reader');
  if (rootTable !== 'residents') {
    for (const unit of [...access.keys()]) {
      for (const above of unitsAbove(parents, unit)) grant(access, above, 'reader');
    }
  }
  return access;
}

export interface VisibilityChange {
  next: Map<string, Access>;
  /** Units that see the root from now on: they get the whole root in their feed. */
  added: string[];
  /** Rows to write: the added ones and those whose access changed. */
  changed: [string, Access][];
}

/**
 * A root's visibility after a change. Visibility only grows: a unit that once owned a root or was
 * addressed keeps reading it (the village that handed a case over, the committee a dispute was
 * escalated from), so a hand-over never takes a record away from a terminal that held it.
 * `named`: what the root's record says now, or null when the hub does not hold the root yet (or did
 * not read it because it did not change); `readers`: units that see it through another root (a
 * resident through the cases and disputes that name them).
 */
export function nextVisibility(
  previous: ReadonlyMap<string, Access>,
  named: ReadonlyMap<string, Access> | null,
  readers: Iterable<string> = [],
): VisibilityChange {
  const next = new Map<string, Access>();
  if (named) for (const [unit, access] of named) next.set(unit, access);
  for (const [unit, access] of previous) {
    if (!next.has(unit)) next.set(unit, named ? 'reader' : access);
  }
  for (const unit of readers) if (!next.has(unit)) next.set(unit, 'reader');
  const added = [...next.keys()].filter((unit) => !previous.has(unit));
  const changed = [...next].filter(([unit, access]) => previous.get(unit) !== access);
  return { next, added, changed };
}

/** The residents a case or dispute names: a case's applicant, a dispute's parties. */
export function residentsNamed(
  rootTable: RootTable,
  rootColumns: Columns | null,
  partyResidentIds: readonly (string | null)[] = [],
): string[] {
  const ids = new Set<string>();
  if (rootTable === 'cases' && typeof rootColumns?.resident_id === 'string') {
    ids.add(rootColumns.resident_id);
  }
  if (rootTable === 'disputes') for (const id of partyResidentIds) if (id) ids.add(id);
  return [...ids];
}
