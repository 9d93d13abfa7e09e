import type { PushEntry, PushRequest, PushResponse } from '@shared/sync/records-contract';
import { HubFailure } from '../failure';
import type { Db } from '../org-units';
import type { Caller } from '../terminals';
import { writeConflicts } from './conflict-store';
import { countyTreeAt } from './county-tree';
import { routeChanges } from './feed';
import { planPush, type PlannedConflict } from './push-plan';
import {
  loadRecords,
  lockProgress,
  openBlocks,
  readProgress,
  recordKey,
  rootIdsHeldElsewhere,
  saveProgress,
  settleBlocks,
  storedAnswers,
  writeClockFlags,
  writeNumberedFeed,
  writeRecords,
  writeRejections,
  writeVisibility,
  type HubRecord,
  type OpenedConflict,
  type Trx,
} from './record-store';
import { retryingDeadlocks } from '../db/retry-deadlock';
import {
  aliasEditsMergedMeanwhile,
  carryAliasEdits,
  fillFromPushedAliases,
  mergeIntoPushed,
  mergeResidents,
  storeAliases,
} from './resident-merge';
import { isRootTable, rootOf } from './routing';
import { mayMergeInto } from './scope';

/**
 * POST /v1/sync/push (issue 15, item 2): a terminal's change log, exactly once.
 *
 * One PostgreSQL transaction per request: the terminal's progress row (terminal, epoch) is locked
 * first, entries up to its last_seq are repeats and answered as before, the new ones are decided
 * (push-plan.ts), and their effects, the rejections and the new last_seq commit together. A cut
 * before the commit leaves nothing; after it, the repeated request changes nothing and gets the same
 * rejections and clock flags back. One transaction per request rather than per transaction group:
 * the county's sequence lock is held from the numbering to the commit either way, and one commit
 * (one WAL flush) per request instead of one per use case is what lets the hub keep up with 2,000
 * terminals.
 */
export async function pushChanges(
  db: Db,
  countyCode: string,
  caller: Caller,
  request: PushRequest,
  now: Date,
): Promise<PushResponse> {
  const { entries, epoch } = request;
  checkOrder(entries);
  if (entries.length === 0) {
    const decidedThrough = await readProgress(db, countyCode, caller.terminalId, epoch);
    return { decidedThrough, rejections: [], clockAhead: [], conflictsOpened: 0 };
  }
  return retryingDeadlocks(() =>
    db.transaction().execute(async (trx) => {
      const first = entries[0]!.seq;
      const lastSeq = await lockProgress(trx, countyCode, caller.terminalId, epoch, first - 1, now);
      const fresh = entries.filter((entry) => entry.seq > lastSeq);
      const earlier =
        first <= lastSeq
          ? await storedAnswers(trx, countyCode, caller.terminalId, epoch, first, lastSeq)
          : { rejections: [], clockAhead: [] };
      if (fresh.length === 0) {
        return { decidedThrough: lastSeq, ...earlier, conflictsOpened: 0 };
      }
      const decidedThrough = fresh.at(-1)!.seq;
      await saveProgress(trx, countyCode, caller.terminalId, epoch, decidedThrough, now);
      const applied = await applyEntries(db, trx, countyCode, caller, epoch, fresh, now);
      return {
        decidedThrough,
        rejections: [...earlier.rejections, ...applied.rejections],
        clockAhead: [...earlier.clockAhead, ...applied.clockAhead],
        conflictsOpened: applied.conflictsOpened,
      };
    }),
  );
}

/**
 * The terminal pushes its log in order: seqs strictly increasing, and a transaction's entries
 * together. Seqs may skip: the terminal's log also numbers changes that travel on their own
 * channels (accounts, the catalogue), which it never pushes here. The hub cannot tell a transaction cut at the end of a request from a whole one, so the
 * contract's rule stands (the terminal never splits one); a txId that comes back after another is
 * refused, as it can only be a terminal fault.
 */
function checkOrder(entries: PushEntry[]): void {
  const closed = new Set<string>();
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    if (previous && entry.seq <= previous.seq) {
      throw new HubFailure(
        'INVALID_INPUT',
        `上传的修改记录顺序不对：第 ${previous.seq} 条之后是第 ${entry.seq} 条`,
      );
    }
    if (previous && previous.txId !== entry.txId) closed.add(previous.txId);
    if (closed.has(entry.txId)) {
      throw new HubFailure('INVALID_INPUT', `同一次操作的修改记录不相邻（第 ${entry.seq} 条）`);
    }
  });
}

/**
 * Decides and writes the new entries. The records they name and their roots are locked as they are
 * read; everything is decided, routed and written before the county's sequence is taken, so that
 * the lock every push of the county waits for is held only for the one statement that writes the
 * feed rows carrying the numbers (writeNumberedFeed) and the commit. Routing numbers its feed rows
 * from 1; the county's numbers are added in that statement.
 */
async function applyEntries(
  db: Db,
  trx: Trx,
  countyCode: string,
  caller: Caller,
  epoch: string,
  pushedEntries: PushEntry[],
  now: Date,
) {
  const terminalId = caller.terminalId;
  const resolved = await mergeResidents(trx, countyCode, pushedEntries, now);
  const { newAliases, aliasEdits } = resolved;
  const blocked = await openBlocks(trx, countyCode, terminalId);
  const named = resolved.entries.map((entry) => ({ table: entry.table, recordId: entry.recordId }));
  const records = await loadRecords(trx, countyCode, named);
  // A new root is its own root: the read above found it absent, and a root another push creates
  // meanwhile fails this push's INSERT (retried). Reading it again cost a statement a push.
  const asked = new Set(named.map((key) => recordKey(key.table, key.recordId)));
  const entries = await aliasEditsMergedMeanwhile(
    trx,
    countyCode,
    resolved.entries,
    records,
    aliasEdits,
  );
  const heldBefore = new Set(records.keys());
  // What the edits of merged records were made against, for carryAliasEdits.
  const aliasesBefore = new Map(
    [...aliasEdits.keys()].flatMap((aliasId) => {
      const alias = records.get(recordKey('residents', aliasId));
      return alias ? [[aliasId, alias] as const] : [];
    }),
  );
  const rootKeys = new Map<string, { table: string; recordId: string }>();
  for (const entry of entries) {
    const held = records.get(recordKey(entry.table, entry.recordId));
    const root = held
      ? { rootTable: held.rootTable, rootId: held.rootId }
      : rootOf(entry.table, entry.recordId, entry.columns);
    const key = root && recordKey(root.rootTable, root.rootId);
    if (key && !records.has(key) && !asked.has(key)) {
      rootKeys.set(key, { table: root.rootTable, recordId: root.rootId });
    }
  }
  for (const [key, record] of await loadRecords(trx, countyCode, [...rootKeys.values()])) {
    records.set(key, record);
  }

  const rootIdsTaken = await rootIdsHeldElsewhere(
    trx,
    countyCode,
    entries.filter(
      (entry) =>
        entry.op === 'insert' &&
        isRootTable(entry.table) &&
        !records.has(recordKey(entry.table, entry.recordId)),
    ),
  );

  const tree = await countyTreeAt(db, trx, countyCode);
  const scope = {
    terminalUnit: caller.orgUnit.id,
    parentUnit: caller.orgUnit.parentId,
    below: tree.below(caller.orgUnit.id),
  };
  const mayChange = (owner: string) => mayMergeInto(scope, owner);
  const plan = planPush({
    terminalId,
    ...scope,
    entries,
    records,
    blocked,
    rootIdsTaken,
    nowMs: now.getTime(),
  });
  const created = new Set(plan.changed.filter((key) => !heldBefore.has(key)));
  const storedAliases = await storeAliases(
    trx,
    countyCode,
    newAliases,
    (aliasId) => created.has(recordKey('residents', aliasId)),
    now,
  );
  const filled = await fillFromPushedAliases(trx, countyCode, records, storedAliases, mayChange);
  const hubMerge = await mergeIntoPushed(
    trx,
    countyCode,
    records,
    [...created].map((key) => records.get(key)!),
    now,
  );
  const refused = new Set(plan.refusals.map((refusal) => refusal.seq));
  const carried = await carryAliasEdits(
    trx,
    countyCode,
    terminalId,
    records,
    entries.filter((entry) => !refused.has(entry.seq)),
    aliasEdits,
    aliasesBefore,
    mayChange,
  );
  const conflicts = [
    ...plan.conflicts.filter(
      ({ table, recordId, conflict }) =>
        !(table === 'residents' && conflict.column === 'deleted_at' && aliasEdits.has(recordId)),
    ),
    ...carried.conflicts,
  ];
  // The hub's own changes number after the push's, so that a terminal takes the survivor first.
  const changedKeys = [
    ...new Set([...plan.changed, ...filled, ...carried.changed, ...hubMerge.changed]),
  ];
  const changed = changedKeys.map((key) => records.get(key)!);
  let numbers = 0;
  for (const record of changed) record.changeSeq = ++numbers;
  const routed = await routeChanges(
    trx,
    countyCode,
    tree.parentOf,
    records,
    changed,
    () => ++numbers,
    {
      residentReaders: hubMerge.readers,
    },
  );

  if (plan.settled.length > 0) {
    await settleBlocks(trx, countyCode, terminalId, plan.settled, now);
  }
  const rejections = await writeRejections(trx, countyCode, terminalId, epoch, plan.refusals, now);
  await writeClockFlags(trx, countyCode, terminalId, epoch, plan.clockAhead, now);
  const conflictsOpened = await writeConflicts(
    trx,
    countyCode,
    conflicts.map(opened(records, now)),
    now,
  );
  await writeConflicts(trx, countyCode, carried.ownersConflicts.map(opened(records, now)), now);
  await writeRecords(trx, countyCode, changed, now);
  await writeVisibility(trx, countyCode, routed.visibility);
  if (numbers > 0) await writeNumberedFeed(trx, countyCode, numbers, routed.feed);
  return {
    rejections,
    clockAhead: plan.clockAhead.map((flag) => flag.seq),
    conflictsOpened,
  };
}

const isIsoTime = (text: string) => !Number.isNaN(Date.parse(text));

/** A conflict as stored: owned by the unit that owns the record's root, times the hub can read. */
function opened(records: Map<string, HubRecord>, now: Date) {
  return ({ table, recordId, conflict }: PlannedConflict): OpenedConflict => {
    const record = records.get(recordKey(table, recordId))!;
    const root = records.get(recordKey(record.rootTable, record.rootId)) ?? record;
    const side = (s: OpenedConflict['kept']) => ({
      ...s,
      at: isIsoTime(s.at) ? s.at : now.toISOString(),
    });
    return {
      table,
      recordId,
      orgUnitId: root.orgUnitId,
      column: conflict.column,
      baseVersion: conflict.baseVersion,
      kept: side(conflict.kept),
      other: side(conflict.other),
    };
  };
}
