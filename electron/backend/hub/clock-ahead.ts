import { CLOCK_AHEAD_FLAG_MS, type PushResponse } from '@shared/sync/records-contract';
import type { Runtime } from '../core/runtime';

/**
 * Keeps how far this PC's clock runs ahead of the hub's, from a push's answer. The hub flags
 * versions, not clocks: a PC whose clock was a year ahead and has been set right still stamps
 * versions ahead until real time catches up, and its user has nothing to fix. So the warning stands
 * only while the hub flags a change and this clock is itself ahead of the hub's time it sent.
 */
export async function recordClockAhead(rt: Runtime, response: PushResponse): Promise<void> {
  // An older hub sends no time of its own: what is kept stays until a hub that does answers.
  if (response.clockAhead.length > 0 && !response.hubTime) return;
  const aheadMs = response.hubTime
    ? Date.parse(rt.stamper.nowIso()) - Date.parse(response.hubTime)
    : 0;
  await rt.db
    .updateTable('sync_state')
    .set({ clock_ahead_ms: aheadMs > CLOCK_AHEAD_FLAG_MS ? aheadMs : null })
    .where('id', '=', 1)
    .execute();
}
