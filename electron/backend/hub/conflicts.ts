import type { SyncConflictView } from '@shared/api';
import { maskIdNumber, maskPhone } from '@shared/domain/privacy/masking';
import {
  chosenValue,
  conflictsResponseSchema,
  resolveConflictResponseSchema,
  type ColumnValue,
  type ConflictSide,
  type SyncConflict,
} from '@shared/sync/conflicts-contract';
import { SYNC_MASKED_COLUMNS, SYNC_TABLE_LABELS, syncFieldLabel } from '@shared/sync/field-labels';
import { compareVersions } from '@shared/sync/merge';
import { SYNC_PATHS } from '@shared/sync/records-contract';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { requireTerminal, requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { updateSynced } from '../core/synced-writes';
import type { Db } from '../db/queryable';
import { HubRefusal, hubRequest, type HubClientOptions } from './client';
import { relay } from './county-admin';
import { TOKEN_MISSING_MESSAGE } from './errors';
import { readEnrolment } from './repository';
import { HUB_ERROR_MESSAGES } from '@shared/sync/hub-contract';

/** Columns a person never chooses: the record's identity and the sync's own bookkeeping. */
const NOT_CHOSEN = new Set([
  'id',
  'created_at',
  'created_by',
  'origin_terminal_id',
  'version',
  'updated_at',
  'updated_by',
]);

/** The hub of this terminal's unit; conflicts are read and closed there only. */
async function unitHub(ctx: CallContext): Promise<HubClientOptions> {
  const { rt } = ctx;
  requireTerminal(rt);
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) throw new DomainError('HUB_NOT_JOINED', '本终端尚未加入县级平台');
  if (enrolment.revokedAt)
    throw new DomainError('HUB_TERMINAL_REVOKED', HUB_ERROR_MESSAGES.TERMINAL_REVOKED);
  const token = rt.hubTokens.read();
  if (!token) throw new DomainError('HUB_NOT_JOINED', TOKEN_MISSING_MESSAGE);
  return { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion };
}

function fetchConflicts(ctx: CallContext, hub: HubClientOptions) {
  return relay(ctx, () => hubRequest(hub, 'GET', SYNC_PATHS.conflicts, conflictsResponseSchema));
}

/** The value as a list would show it: masked where lists mask it, a word for none and deletion. */
function display(column: string, value: ColumnValue, unitNames: Map<string, string>): string {
  if (column === 'deleted_at') return value === null ? '未删除（保留这条记录）' : '已删除';
  if (value === null || value === '') return '（空）';
  if (column.endsWith('org_id') || column === 'org_unit_id') {
    return unitNames.get(String(value)) ?? String(value);
  }
  const mask = SYNC_MASKED_COLUMNS[column];
  if (mask === 'id') return maskIdNumber(String(value));
  if (mask === 'phone') return maskPhone(String(value));
  return String(value);
}

/** A case by its number and applicant, a dispute by its number and parties, and so on. */
async function recordLabel(db: Db, conflict: SyncConflict): Promise<string> {
  const id = conflict.rootId;
  const label = SYNC_TABLE_LABELS[conflict.rootTable];
  let known: string | undefined;
  if (conflict.rootTable === 'cases') {
    const row = await db
      .selectFrom('cases')
      .select(['case_no', 'applicant_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    known = row && `办件 ${row.case_no}（${row.applicant_name}）`;
  } else if (conflict.rootTable === 'disputes') {
    const row = await db
      .selectFrom('disputes')
      .select(['case_no', 'party_names'])
      .where('id', '=', id)
      .executeTakeFirst();
    known = row && `纠纷 ${row.case_no}（${row.party_names}）`;
  } else if (conflict.rootTable === 'residents') {
    const row = await db
      .selectFrom('residents')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst();
    known = row && `群众档案 ${row.name}`;
  } else if (conflict.rootTable === 'event_reports') {
    const row = await db
      .selectFrom('event_reports')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirst();
    known = row && `事件报告 ${row.title}`;
  }
  return known ?? `${label}（本机尚未收到这条记录）`;
}

async function toView(
  ctx: CallContext,
  conflict: SyncConflict,
  names: { users: Map<string, string>; units: Map<string, string> },
): Promise<SyncConflictView> {
  const ownTerminal = ctx.rt.terminal?.terminalId;
  const side = (s: ConflictSide) => ({
    display: display(conflict.column, s.value, names.units),
    byName: (s.by && names.users.get(s.by)) ?? s.byName ?? '未知人员',
    at: s.at,
    terminal:
      s.terminalId === ownTerminal
        ? '本机'
        : s.terminalNumber
          ? `${s.terminalNumber} 号终端`
          : '其他终端',
  });
  const kept = side(conflict.kept);
  const other = side(conflict.other);
  return {
    id: conflict.id,
    tableLabel: SYNC_TABLE_LABELS[conflict.table],
    recordLabel: await recordLabel(ctx.rt.db, conflict),
    columnLabel: syncFieldLabel(conflict.table, conflict.column),
    kept,
    other,
    differOnlyInMask:
      kept.display === other.display && conflict.kept.value !== conflict.other.value,
    openedAt: conflict.openedAt,
  };
}

/** This unit's open conflicts as the hub has them, named as people here know the records. */
export async function listSyncConflicts(
  ctx: CallContext,
): Promise<{ conflicts: SyncConflictView[]; more: boolean }> {
  const hub = await unitHub(ctx);
  const { conflicts, more } = await fetchConflicts(ctx, hub);
  const users = new Map(
    (await ctx.rt.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [
      u.id,
      u.display_name,
    ]),
  );
  const units = new Map(
    (await ctx.rt.db.selectFrom('org_units').select(['id', 'name']).execute()).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const views: SyncConflictView[] = [];
  for (const conflict of conflicts) views.push(await toView(ctx, conflict, { users, units }));
  return { conflicts: views, more };
}

function newest(versions: readonly string[]): string {
  return versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
}

/**
 * The chosen value as an ordinary change of the record here, in one transaction with its audit
 * entry. The record must be as the hub has it since the conflict opened (its version at least both
 * sides', merge.ts): then the change is based on both values the person saw, and the hub takes it
 * without a new conflict.
 */
async function writeChoice(ctx: CallContext, conflict: SyncConflict, value: ColumnValue) {
  const { rt } = ctx;
  const table = conflict.table;
  const column = conflict.column;
  await rt.db.transaction().execute(async (trx) => {
    const row = (await trx
      .selectFrom(table as 'disputes')
      .selectAll()
      .where('id', '=', conflict.recordId)
      .executeTakeFirst()) as Record<string, unknown> | undefined;
    if (!row)
      throw new DomainError(
        'SYNC_CONFLICT_RECORD_MISSING',
        '本机还没有这条记录，请先点“立即同步”，收到后再处理这条冲突',
      );
    if (NOT_CHOSEN.has(column) || !Object.hasOwn(row, column))
      throw new DomainError(
        'SYNC_CONFLICT_COLUMN_UNKNOWN',
        '本机软件不认识这条冲突涉及的内容，请先更新软件后再处理',
      );
    const version = String(row.version);
    if (compareVersions(version, newest([conflict.kept.version, conflict.other.version])) < 0)
      throw new DomainError(
        'SYNC_CONFLICT_NOT_PULLED',
        '本机还没有收到这条记录在县级平台上的最新内容，请先点“立即同步”，再处理这条冲突',
      );
    await updateSynced(trx, stampOf(ctx), table, { id: conflict.recordId, version }, {
      [column]: value,
    } as never);
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, rt.terminal?.terminalId ?? null, {
      action: 'sync.resolveConflict',
      objectType: table,
      objectId: conflict.recordId,
      // The values stay out of the log: they may be an ID number or a phone.
      detail: `同步冲突 ${conflict.id}：${SYNC_TABLE_LABELS[table]}的“${syncFieldLabel(table, column)}”`,
    });
  });
}

/**
 * Resolves one conflict: the chosen value is written here first and travels with the push, exactly
 * once like any change; then the hub closes the conflict. Closing second means a failure in between
 * leaves the conflict open on the screen, never a choice that was lost.
 */
export async function resolveSyncConflict(
  ctx: CallContext,
  conflictId: string,
  choice: 'kept' | 'other',
): Promise<{ id: string; display: string }> {
  const user = requireUser(ctx.actor);
  const hub = await unitHub(ctx);
  const { conflicts } = await fetchConflicts(ctx, hub);
  const conflict = conflicts.find((c) => c.id === conflictId);
  if (!conflict)
    throw new DomainError('SYNC_CONFLICT_GONE', '这条同步冲突已处理或已不存在，请刷新后查看');
  const value = chosenValue(conflict.kept.value, conflict.other.value, choice);
  await writeChoice(ctx, conflict, value);
  let closed: boolean;
  try {
    closed = await relay(ctx, async () => {
      try {
        await hubRequest(
          hub,
          'POST',
          SYNC_PATHS.resolveConflict(conflictId),
          resolveConflictResponseSchema,
          { choice, resolvedBy: user.userId },
        );
        return true;
      } catch (error) {
        if (error instanceof HubRefusal && error.code === 'CONFLICT_ALREADY_RESOLVED') return false;
        throw error;
      }
    });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      'SYNC_CONFLICT_NOT_CLOSED',
      `所选值已在本机保存，将随同步上传；但县级平台暂未关闭这条冲突（${cause}），请稍后再处理一次`,
    );
  }
  if (!closed)
    throw new DomainError(
      'SYNC_CONFLICT_RESOLVED_ELSEWHERE',
      '这条冲突刚由他人按另一个值处理。您的选择已在本机保存并将上传，县级平台会把两次选择作为新的冲突列出，请与对方核实后再定',
    );
  return { id: conflictId, display: display(conflict.column, value, new Map()) };
}
