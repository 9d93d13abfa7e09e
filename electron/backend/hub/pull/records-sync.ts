import type { Runtime } from '../../core/runtime';
import { getSetting, putSetting } from '../../settings/service';
import { HubRefusal, HubUnreachable } from '../client';
import { UNREACHABLE_MESSAGE } from '../errors';
import { pullRecords, recordHub, type RecordPull } from './pull';
import { repairDivergence, type Repair } from './repair';

/**
 * How often the records are checked against the hub's digest. Not every cycle and not on 立即同步:
 * the check reads every record on both sides (about a second for a ten-year township), while a
 * divergence is what a bug or a restore leaves, rare and not urgent; the cursor's pull is what
 * brings a hand-off within the minute.
 */
export const DIGEST_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface RecordSync extends RecordPull {
  /** Null when no digest check was due. */
  repair: Repair | null;
}

async function digestDue(rt: Runtime): Promise<boolean> {
  const last = await getSetting(rt.db, 'hub_records_digest_checked_at');
  return last === null || rt.stamper.clock.now() - Date.parse(last) >= DIGEST_CHECK_INTERVAL_MS;
}

/** The records' part of a sync cycle: what changed for the unit, then the daily digest check. */
export async function syncRecords(rt: Runtime): Promise<RecordSync> {
  const hub = await recordHub(rt);
  if (!hub) return { state: 'standalone', applied: 0, problem: null, repair: null };
  const pulled = await pullRecords(rt, { hub });
  if (pulled.state !== 'done' || rt.closing || !(await digestDue(rt)))
    return { ...pulled, repair: null };
  try {
    const repair = await repairDivergence(rt, hub);
    await putSetting(rt.db, 'hub_records_digest_checked_at', rt.stamper.nowIso());
    return { ...pulled, applied: pulled.applied + repair.applied, repair };
  } catch (error) {
    if (error instanceof HubUnreachable)
      return { ...pulled, state: 'unreachable', problem: UNREACHABLE_MESSAGE, repair: null };
    if (error instanceof HubRefusal)
      return { ...pulled, state: 'refused', problem: error.message, repair: null };
    throw error;
  }
}
