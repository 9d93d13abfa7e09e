import type { SyncRecordState, SyncStatus } from '@shared/api';
import { clockAheadWarning } from '@shared/domain/clock-skew';
import { sql } from 'kysely';
import { unpushedEntry } from '../core/pushed-through';
import type { Runtime } from '../core/runtime';
import { UNREACHABLE_MESSAGE } from './errors';
import { readEnrolment, readLastSync } from './repository';
import { countWaiting } from './push-entries';
import { childrenOf } from './record-roots';
import { readSyncState } from './push-state';

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** The status bar's sync figures: reachable, last good sync, entries waiting, problems open. */
export async function syncStatus(rt: Runtime): Promise<SyncStatus> {
  const enrolment = rt.terminal ? await readEnrolment(rt.db) : null;
  if (!enrolment)
    return {
      enrolled: false,
      online: false,
      lastSyncAt: null,
      waiting: 0,
      problems: 0,
      lastError: null,
      clockWarning: null,
    };
  const [state, lastSync, waiting, problems] = await Promise.all([
    readSyncState(rt.db),
    readLastSync(rt.db),
    countWaiting(rt.db),
    rt.db
      .selectFrom('sync_problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('settled_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const unreachable =
    state.last_error_code === 'HUB_UNREACHABLE' || lastSync.problem === UNREACHABLE_MESSAGE;
  return {
    enrolled: true,
    online: !enrolment.revokedAt && !unreachable,
    lastSyncAt: later(state.last_push_at, lastSync.problem === null ? lastSync.at : null),
    waiting,
    problems: Number(problems.n),
    lastError: state.last_error_message,
    clockWarning: state.clock_ahead_ms === null ? null : clockAheadWarning(state.clock_ahead_ms),
  };
}

/**
 * 未同步 while a change of the case, dispute or resident (or of anything recorded on it) waits to go up,
 * 同步问题 while one the hub refused is not settled, else 已同步; null on a terminal not enrolled.
 */
export async function recordSyncState(
  rt: Runtime,
  root: 'cases' | 'disputes' | 'residents',
  id: string,
): Promise<SyncRecordState | null> {
  if (!rt.terminal || !(await readEnrolment(rt.db))) return null;
  const ids = [id];
  for (const { table, via } of childrenOf(root)) {
    // The child tables are chosen from the contract at run time; each has its root's column.
    const rows = await rt.db
      .selectFrom(table as 'case_materials')
      .select('id')
      .where(via as 'case_id', '=', id)
      .execute();
    for (const row of rows) ids.push(row.id);
  }
  const problem = await rt.db
    .selectFrom('sync_problems')
    .select('seq')
    .where('record_id', 'in', ids)
    .where('settled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (problem) return 'problem';
  const pending = await rt.db
    .selectFrom('outbox')
    .select('seq')
    .where('record_id', 'in', ids)
    .where(sql.raw<boolean>(unpushedEntry('outbox')))
    .limit(1)
    .executeTakeFirst();
  return pending ? 'pending' : 'synced';
}
