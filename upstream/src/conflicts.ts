import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import {
  CONFLICTS_PAGE_MAX,
  chosenValue,
  type ConflictsResponse,
  type ConflictSide,
  type ResolveConflictRequest,
  type ResolveConflictResponse,
  type SyncConflict,
} from '@shared/sync/conflicts-contract';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import type { FieldConflict } from '@shared/sync/merge';
import type { HubDatabase, SyncConflictsTable } from './db/schema';
import { HubFailure } from './failure';
import type { Db } from './org-units';
import type { Caller } from './terminals';

type Eb = ExpressionBuilder<HubDatabase & { c: HubDatabase['sync_conflicts'] }, 'c'>;

/**
 * A conflict belongs to whoever owns its record now: a hand-over after the conflict opened takes it
 * along. Before the record is on the hub (never, once pushes fill both) the unit it was opened for.
 */
function ownedBy(eb: Eb, unitId: string) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('sync_records as r')
        .select(sql.lit(1).as('one'))
        .whereRef('r.county_code', '=', 'c.county_code')
        .whereRef('r.table_name', '=', 'c.table_name')
        .whereRef('r.record_id', '=', 'c.record_id')
        .where((inner) =>
          inner.or([
            inner('r.org_unit_id', '=', unitId),
            inner.exists(
              inner
                .selectFrom('sync_visibility as v')
                .select(sql.lit(1).as('one'))
                .whereRef('v.county_code', '=', 'r.county_code')
                .whereRef('v.root_id', '=', 'r.root_id')
                .where('v.unit_id', '=', unitId)
                .where('v.access', '=', 'owner'),
            ),
          ]),
        ),
    ),
    eb.and([
      eb('c.org_unit_id', '=', unitId),
      eb.not(
        eb.exists(
          eb
            .selectFrom('sync_records as r')
            .select(sql.lit(1).as('one'))
            .whereRef('r.county_code', '=', 'c.county_code')
            .whereRef('r.table_name', '=', 'c.table_name')
            .whereRef('r.record_id', '=', 'c.record_id'),
        ),
      ),
    ]),
  ]);
}

/**
 * The row that keeps one conflict mergeEntry (shared/sync/merge.ts) reported, for the push to insert
 * in its transaction; `orgUnitId` is the record's owner after the merge.
 */
export function conflictRow(
  countyCode: string,
  id: string,
  record: { table: string; recordId: string; orgUnitId: string },
  conflict: FieldConflict,
  openedAt: Date,
): Insertable<SyncConflictsTable> {
  return {
    county_code: countyCode,
    id,
    table_name: record.table,
    record_id: record.recordId,
    org_unit_id: record.orgUnitId,
    column_name: conflict.column,
    base_version: conflict.baseVersion,
    kept_value: JSON.stringify(conflict.kept.value),
    kept_version: conflict.kept.version,
    kept_terminal_id: conflict.kept.terminalId,
    kept_by: conflict.kept.by,
    kept_at: conflict.kept.at,
    other_value: JSON.stringify(conflict.other.value),
    other_version: conflict.other.version,
    other_terminal_id: conflict.other.terminalId,
    other_by: conflict.other.by,
    other_at: conflict.other.at,
    opened_at: openedAt,
  };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** The open conflicts of records the caller's unit owns, newest first, with names to show. */
export async function listConflicts(
  db: Db,
  countyCode: string,
  caller: Caller,
): Promise<ConflictsResponse> {
  const rows = await db
    .selectFrom('sync_conflicts as c')
    .leftJoin('sync_records as r', (join) =>
      join
        .onRef('r.county_code', '=', 'c.county_code')
        .onRef('r.table_name', '=', 'c.table_name')
        .onRef('r.record_id', '=', 'c.record_id'),
    )
    .leftJoin('terminals as kt', (join) =>
      join.onRef('kt.county_code', '=', 'c.county_code').onRef('kt.id', '=', 'c.kept_terminal_id'),
    )
    .leftJoin('terminals as ot', (join) =>
      join.onRef('ot.county_code', '=', 'c.county_code').onRef('ot.id', '=', 'c.other_terminal_id'),
    )
    .leftJoin('accounts as ka', (join) =>
      join.onRef('ka.county_code', '=', 'c.county_code').onRef('ka.id', '=', 'c.kept_by'),
    )
    .leftJoin('accounts as oa', (join) =>
      join.onRef('oa.county_code', '=', 'c.county_code').onRef('oa.id', '=', 'c.other_by'),
    )
    .selectAll('c')
    .select([
      'r.root_table',
      'r.root_id',
      'kt.terminal_number as kept_terminal_number',
      'ot.terminal_number as other_terminal_number',
      'ka.display_name as kept_by_name',
      'oa.display_name as other_by_name',
    ])
    .where('c.county_code', '=', countyCode)
    .where('c.resolved_at', 'is', null)
    .where((eb) => ownedBy(eb, caller.orgUnit.id))
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .limit(CONFLICTS_PAGE_MAX + 1)
    .execute();
  const conflicts = rows.slice(0, CONFLICTS_PAGE_MAX).map((row): SyncConflict => {
    const side = (prefix: 'kept' | 'other'): ConflictSide => ({
      value: row[`${prefix}_value`],
      version: row[`${prefix}_version`],
      terminalId: row[`${prefix}_terminal_id`],
      terminalNumber: row[`${prefix}_terminal_number`] ?? null,
      by: row[`${prefix}_by`],
      byName: row[`${prefix}_by_name`] ?? null,
      at: iso(row[`${prefix}_at`]),
    });
    return {
      id: row.id,
      table: row.table_name as SyncRecordTable,
      recordId: row.record_id,
      rootTable: (row.root_table ?? row.table_name) as SyncRecordTable,
      rootId: row.root_id ?? row.record_id,
      column: row.column_name,
      kept: side('kept'),
      other: side('other'),
      openedAt: iso(row.opened_at),
    };
  });
  return { conflicts, more: rows.length > CONFLICTS_PAGE_MAX };
}

/**
 * Closes a conflict with the value a person of the owning unit chose; the terminal has already
 * written that value as a change of the record (conflicts-contract.ts). Read and write in one
 * transaction with the row locked, so two terminals choosing at once are decided one after the
 * other: the same choice is answered as the first, another is refused.
 */
export async function resolveConflict(
  db: Db,
  countyCode: string,
  caller: Caller,
  conflictId: string,
  request: ResolveConflictRequest,
  now: Date,
): Promise<ResolveConflictResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sync_conflicts as c')
      .selectAll('c')
      .select((eb) => ownedBy(eb, caller.orgUnit.id).as('owned'))
      .where('c.county_code', '=', countyCode)
      .where('c.id', '=', conflictId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new HubFailure('NOT_FOUND', '这条同步冲突在县级平台上不存在，请刷新后查看');
    if (!row.owned) throw new HubFailure('CONFLICT_OTHER_UNIT');
    const value = chosenValue(row.kept_value, row.other_value, request.choice);
    if (row.resolved_at !== null) {
      if (row.resolved_value !== value) throw new HubFailure('CONFLICT_ALREADY_RESOLVED');
      return {
        id: row.id,
        resolvedAt: iso(row.resolved_at),
        resolvedBy: row.resolved_by ?? request.resolvedBy,
        resolvedValue: value,
      };
    }
    await trx
      .updateTable('sync_conflicts')
      .set({
        resolved_at: now,
        resolved_by: request.resolvedBy,
        resolved_value: JSON.stringify(value),
      })
      .where('county_code', '=', countyCode)
      .where('id', '=', conflictId)
      .execute();
    return {
      id: row.id,
      resolvedAt: now.toISOString(),
      resolvedBy: request.resolvedBy,
      resolvedValue: value,
    };
  });
}
