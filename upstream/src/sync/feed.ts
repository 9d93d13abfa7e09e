import {
  loadRootMembers,
  loadVisibility,
  lockResidents,
  recordKey,
  type FeedRow,
  type HubRecord,
  type Trx,
  type VisibilityRow,
} from './record-store';
import {
  namedAccess,
  nextVisibility,
  residentsNamed,
  type ParentOf,
  type RootTable,
  type VisibilityChange,
} from './routing';

/**
 * The visibility and feed rows a push writes (sync_visibility, sync_feed), in its transaction: every
 * changed record goes into the feed of every unit that sees its root, at the record's new change
 * number; a unit that newly sees a root (a hand-over, an escalation, a resident named by a case it
 * now sees) gets every record of that root at new numbers: the whole case moves.
 */

export interface Routed {
  visibility: VisibilityRow[];
  feed: FeedRow[];
}

export async function routeChanges(
  trx: Trx,
  countyCode: string,
  parents: ParentOf,
  records: Map<string, HubRecord>,
  changed: HubRecord[],
  nextSeq: () => number,
  /** Residents seen by more units than their cases and disputes say (a merge's survivor). */
  also: { residentReaders?: ReadonlyMap<string, ReadonlySet<string>> } = {},
): Promise<Routed> {
  const roots = new Map<string, RootTable>();
  for (const record of changed) roots.set(record.rootId, record.rootTable);
  const disputeIds = [...roots].filter(([, table]) => table === 'disputes').map(([id]) => id);
  const members = await disputeMembers(trx, countyCode, disputeIds, changed);
  // By root, once: filtering all members for each root was quadratic in the push's disputes.
  const membersOf = new Map<string, typeof members>();
  for (const member of members) {
    const list = membersOf.get(member.rootId);
    if (list) list.push(member);
    else membersOf.set(member.rootId, [member]);
  }
  const ofRoot = (id: string, table: 'dispute_parties' | 'dispute_readers') =>
    (membersOf.get(id) ?? []).filter((m) => m.table === table && !m.deleted);

  const rootRecord = (id: string) => records.get(recordKey(roots.get(id)!, id)) ?? null;
  const residentReaders = new Map<string, Set<string>>(
    [...(also.residentReaders ?? [])].map(([id, units]) => [id, new Set(units)]),
  );
  const caseAndDisputeIds = [...roots].filter(([, t]) => t === 'cases' || t === 'disputes');
  const named = new Map<string, string[]>();
  for (const [id, table] of caseAndDisputeIds) {
    named.set(
      id,
      residentsNamed(
        table,
        rootRecord(id)?.columns ?? null,
        ofRoot(id, 'dispute_parties').map((m) => m.residentId),
      ),
    );
  }
  const residentIds = new Set([...named.values()].flat());
  await lockResidents(trx, countyCode, [...residentIds].sort());
  const previous = await loadVisibility(trx, countyCode, [
    ...new Set([...roots.keys(), ...residentIds]),
  ]);

  const changes = new Map<string, VisibilityChange>();
  for (const [id, table] of roots) {
    if (table === 'residents') continue;
    const root = rootRecord(id);
    const readers = ofRoot(id, 'dispute_readers')
      .map((m) => m.readerOrgId)
      .filter((unit): unit is string => unit !== null);
    const change = nextVisibility(
      previous.get(id) ?? new Map(),
      root ? namedAccess(table, root.columns, readers, parents) : null,
    );
    changes.set(id, change);
    for (const residentId of named.get(id) ?? []) {
      const units = residentReaders.get(residentId) ?? new Set();
      for (const unit of change.next.keys()) units.add(unit);
      residentReaders.set(residentId, units);
    }
  }
  const changedResidents = new Set(
    changed.filter((r) => r.table === 'residents').map((r) => r.recordId),
  );
  for (const residentId of new Set([
    ...[...roots].filter(([, t]) => t === 'residents').map(([id]) => id),
    ...residentReaders.keys(),
  ])) {
    roots.set(residentId, 'residents');
    const resident = records.get(recordKey('residents', residentId));
    const changedHere = changedResidents.has(residentId);
    changes.set(
      residentId,
      nextVisibility(
        previous.get(residentId) ?? new Map(),
        resident && changedHere ? namedAccess('residents', resident.columns) : null,
        residentReaders.get(residentId) ?? [],
      ),
    );
  }

  const routed: Routed = { visibility: [], feed: [] };
  for (const [rootId, change] of changes) {
    const before = previous.get(rootId);
    for (const [unitId, access] of change.changed)
      routed.visibility.push({ rootId, unitId, access, stored: before?.has(unitId) ?? false });
  }
  const changedKeys = new Set(changed.map((r) => recordKey(r.table, r.recordId)));
  for (const record of changed) {
    for (const unitId of changes.get(record.rootId)!.next.keys()) {
      routed.feed.push({
        unitId,
        table: record.table,
        recordId: record.recordId,
        seq: record.changeSeq,
        stored: record.stored,
      });
    }
  }
  await addWholeRoots(trx, countyCode, changes, changedKeys, routed, nextSeq);
  return routed;
}

/** The readers and parties of the disputes a push touched, with this push's changes over them. */
async function disputeMembers(
  trx: Trx,
  countyCode: string,
  disputeIds: string[],
  changed: HubRecord[],
) {
  const stored = await loadRootMembers(trx, countyCode, disputeIds, [
    'dispute_readers',
    'dispute_parties',
  ]);
  const fresh = changed
    .filter((r) => r.table === 'dispute_readers' || r.table === 'dispute_parties')
    .map((r) => ({
      table: r.table,
      recordId: r.recordId,
      rootId: r.rootId,
      deleted: r.deleted,
      residentId: typeof r.columns.resident_id === 'string' ? r.columns.resident_id : null,
      readerOrgId: typeof r.columns.reader_org_id === 'string' ? r.columns.reader_org_id : null,
    }));
  const freshKeys = new Set(fresh.map((m) => recordKey(m.table, m.recordId)));
  return [...stored.filter((m) => !freshKeys.has(recordKey(m.table, m.recordId))), ...fresh];
}

/** Feed rows for every record of a root to the units that see it from now on. */
async function addWholeRoots(
  trx: Trx,
  countyCode: string,
  changes: Map<string, VisibilityChange>,
  changedKeys: Set<string>,
  routed: Routed,
  nextSeq: () => number,
): Promise<void> {
  const grown = [...changes].filter(([, change]) => change.added.length > 0);
  if (grown.length === 0) return;
  const members = await loadRootMembers(
    trx,
    countyCode,
    grown.map(([id]) => id),
    null,
  );
  const seqOf = new Map<string, number>();
  for (const member of members) {
    const key = recordKey(member.table, member.recordId);
    if (changedKeys.has(key) || seqOf.has(key)) continue;
    seqOf.set(key, nextSeq());
    for (const unitId of changes.get(member.rootId)!.added) {
      routed.feed.push({
        unitId,
        table: member.table,
        recordId: member.recordId,
        seq: seqOf.get(key)!,
        stored: true,
      });
    }
  }
}
