import { SYNC_TABLE_LABELS, type SyncProblem, type SyncSettleInput } from '@shared/api';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import { appendAudit } from '../audit/service';
import type { CallContext } from '../core/runtime';
import { DomainError } from '../core/errors';
import { updateSynced } from '../core/synced-writes';
import { rootOf } from './record-roots';

/** 同步问题 are this terminal's: only its own unit's supervisor or administrator settles them. */
function assertOwnUnit(ctx: CallContext): void {
  if (ctx.actor.orgUnitId !== ctx.rt.terminal?.orgUnitId)
    throw new DomainError('FORBIDDEN', '同步问题只能由本终端所在单位的负责人或管理员处理');
}

function columnsOf(entry: { op: string; changed_columns: string | null } | undefined): string[] {
  if (!entry || entry.op === 'insert' || entry.changed_columns === null) return [];
  return JSON.parse(entry.changed_columns) as string[];
}

/** The changes the hub refused, newest first, each with the record it belongs to. */
export async function listProblems(
  ctx: CallContext,
  includeSettled: boolean,
): Promise<SyncProblem[]> {
  assertOwnUnit(ctx);
  const { db } = ctx.rt;
  let query = db
    .selectFrom('sync_problems as p')
    .leftJoin('outbox as o', 'o.seq', 'p.seq')
    .select([
      'p.seq',
      'p.table_name',
      'p.record_id',
      'p.code',
      'p.message',
      'p.reported_at',
      'p.settled_at',
      'o.op',
      'o.changed_columns',
    ])
    .orderBy('p.seq', 'desc')
    .limit(500);
  if (!includeSettled) query = query.where('p.settled_at', 'is', null);
  const rows = await query.execute();
  const problems: SyncProblem[] = [];
  for (const row of rows) {
    const table = row.table_name as SyncRecordTable;
    problems.push({
      seq: row.seq,
      table,
      tableLabel: SYNC_TABLE_LABELS[table] ?? row.table_name,
      recordId: row.record_id,
      root: await rootOf(db, table, row.record_id),
      op: row.op ?? 'update',
      columns: columnsOf(row.op ? { op: row.op, changed_columns: row.changed_columns } : undefined),
      code: row.code,
      message: row.message,
      reportedAt: row.reported_at,
      settledAt: row.settled_at,
    });
  }
  return problems;
}

/**
 * Settles every open problem of the record the chosen one belongs to (the hub refused its later
 * changes because of the first). 重新提交 sends the record as it stands here as one new whole-row
 * change, which the hub takes as the person's decision and unblocks the record with; it goes up as
 * an insert when the hub never took the record at all. 放弃本机修改 only sets the problems aside:
 * the next pull brings the hub's version.
 */
export async function settleProblem(
  ctx: CallContext,
  input: Required<SyncSettleInput>,
): Promise<{ settled: number }> {
  assertOwnUnit(ctx);
  const { rt, actor } = ctx;
  const terminal = rt.terminal!;
  return rt.db.transaction().execute(async (trx) => {
    const problem = await trx
      .selectFrom('sync_problems')
      .selectAll()
      .where('seq', '=', input.seq)
      .executeTakeFirst();
    if (!problem) throw new DomainError('SYNC_PROBLEM_NOT_FOUND', '找不到该同步问题');
    if (problem.settled_at)
      throw new DomainError('SYNC_PROBLEM_SETTLED', '该同步问题已由他人处理，请刷新');
    const open = await trx
      .selectFrom('sync_problems')
      .select('seq')
      .where('table_name', '=', problem.table_name)
      .where('record_id', '=', problem.record_id)
      .where('settled_at', 'is', null)
      .orderBy('seq')
      .execute();
    const now = rt.stamper.nowIso();
    await trx
      .updateTable('sync_problems')
      .set({ settled_at: now, settled_by: actor.userId })
      .where(
        'seq',
        'in',
        open.map((row) => row.seq),
      )
      .execute();
    const table = problem.table_name as SyncRecordTable;
    const root = await rootOf(trx, table, problem.record_id);
    let detail = `放弃本机修改：${SYNC_TABLE_LABELS[table]}${root.label ? `（${root.label}）` : ''}，以县级平台为准`;
    if (input.action === 'resubmit') {
      const row = await trx
        .selectFrom(table as 'disputes')
        .select(['id', 'version'])
        .where('id', '=', problem.record_id)
        .executeTakeFirst();
      if (!row)
        throw new DomainError('SYNC_PROBLEM_NOT_FOUND', '本机已没有这条记录，只能放弃本机修改');
      const first = await trx
        .selectFrom('outbox')
        .select('op')
        .where('seq', '=', open[0]!.seq)
        .executeTakeFirst();
      const everTaken = first?.op !== 'insert';
      await updateSynced(trx, { stamper: rt.stamper, terminal, actor }, table, row, {});
      // The change just logged carries the whole row: the hub takes it as the person's decision.
      const logged = await trx
        .selectFrom('outbox')
        .select('seq')
        .where('record_id', '=', row.id)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('outbox')
        .set(
          everTaken
            ? { changed_columns: null }
            : { changed_columns: null, op: 'insert', base_version: null },
        )
        .where('seq', '=', logged.seq)
        .execute();
      detail = `重新提交：${SYNC_TABLE_LABELS[table]}${root.label ? `（${root.label}）` : ''}按本机现状再次上传`;
    }
    await appendAudit(trx, now, actor, terminal.terminalId, {
      action: 'sync.settleProblem',
      objectType: table,
      objectId: problem.record_id,
      detail,
    });
    return { settled: open.length };
  });
}
