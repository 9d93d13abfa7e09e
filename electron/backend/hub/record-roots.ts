import {
  SYNC_RECORD_ROOTS,
  SYNC_RECORD_TABLES,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type { SyncProblem } from '@shared/api';
import type { Db } from '../db/queryable';

type RootKind = SyncProblem['root']['kind'];

/** The tables recorded on a case or a dispute, with the column naming it (a resident has none). */
export function childrenOf(
  root: 'cases' | 'disputes' | 'residents',
): { table: SyncRecordTable; via: string }[] {
  return SYNC_RECORD_TABLES.flatMap((table) => {
    const { root: of, via } = SYNC_RECORD_ROOTS[table];
    return of === root && via !== null ? [{ table, via }] : [];
  });
}

/** The id of the case, dispute, resident or report a record belongs to, as it stands here. */
async function rootIdOf(db: Db, table: SyncRecordTable, recordId: string): Promise<string | null> {
  const { via } = SYNC_RECORD_ROOTS[table];
  if (via === null) return recordId;
  if (table === 'attachments') {
    const row = await db
      .selectFrom('attachments')
      .select(['case_id', 'event_report_id'])
      .where('id', '=', recordId)
      .executeTakeFirst();
    return row?.case_id ?? row?.event_report_id ?? null;
  }
  // The table is chosen at run time; every child table has its root's column (SYNC_RECORD_ROOTS).
  const row = (await db
    .selectFrom(table as 'case_materials')
    .select(via as 'case_id')
    .where('id', '=', recordId)
    .executeTakeFirst()) as Record<string, string | null> | undefined;
  return row?.[via] ?? null;
}

async function labelOf(db: Db, kind: RootKind, id: string): Promise<string | null> {
  switch (kind) {
    case 'cases': {
      const row = await db
        .selectFrom('cases')
        .select(['case_no', 'applicant_name', 'item_name'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.case_no}（${row.applicant_name}，${row.item_name}）` : null;
    }
    case 'disputes': {
      const row = await db
        .selectFrom('disputes')
        .select(['case_no', 'party_names'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.case_no}（${row.party_names}）` : null;
    }
    case 'residents': {
      const row = await db
        .selectFrom('residents')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `居民 ${row.name}` : null;
    }
    case 'event_reports': {
      const row = await db
        .selectFrom('event_reports')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `事件报告 ${row.title}` : null;
    }
  }
}

/** The case, dispute, resident or event report a record belongs to, named as a person knows it. */
export async function rootOf(
  db: Db,
  table: SyncRecordTable,
  recordId: string,
): Promise<SyncProblem['root']> {
  const id = await rootIdOf(db, table, recordId);
  let kind: RootKind = SYNC_RECORD_ROOTS[table].root;
  if (table === 'attachments' && id !== null) {
    const ofCase = await db
      .selectFrom('cases')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!ofCase) kind = 'event_reports';
  }
  return { kind, id, label: id === null ? null : await labelOf(db, kind, id) };
}
