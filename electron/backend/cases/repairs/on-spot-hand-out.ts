import type { Runtime } from '../../core/runtime';
import type { ChangeStamp } from '../../core/changes';
import { getSetting, putSetting } from '../../settings/service';
import { findCase } from '../repository';
import { addEvent, auditCase, updateCase } from '../writes';

export const ON_SPOT_BACKLOG_ACTION = 'cases.onSpotHandOutBacklog';
/** The note the intake wrote on a 即办件 completed at the window (cases/intake/intake.ts). */
const ON_SPOT_NOTE = '即办件当场办结';

/**
 * Before 即办件当场办结 also handed the result out, every 即办件 done at the window waited under
 * 待领取或送达 for good although the resident left with the result. This records the hand-out those
 * cases had, once per database, for the cases this terminal wrote (another terminal's are its own to
 * repair, so no change reaches the hub twice). Each goes through the change log and the audit log, in
 * the name of the clerk who completed it, at the time it was completed.
 */
export async function handOutOnSpotBacklog(rt: Runtime): Promise<number> {
  const terminal = rt.terminal;
  if (!terminal || (await getSetting(rt.db, 'on_spot_backlog_repaired_at'))) return 0;
  return rt.db.transaction().execute(async (trx) => {
    const stuck = await trx
      .selectFrom('cases')
      .innerJoin('case_events', 'case_events.case_id', 'cases.id')
      .innerJoin('users', 'users.id', 'case_events.actor_id')
      .select(['cases.id', 'cases.completed_at', 'users.id as userId', 'users.username'])
      .select(['users.display_name as displayName', 'users.role'])
      .where('case_events.action', '=', 'complete')
      .where('case_events.note', '=', ON_SPOT_NOTE)
      .where('cases.handed_out_at', 'is', null)
      .where('cases.completed_at', 'is not', null)
      .where('cases.deleted_at', 'is', null)
      .where('cases.origin_terminal_id', '=', terminal.terminalId)
      .execute();
    for (const found of stuck) {
      const row = await findCase(trx, found.id);
      if (!row?.completed_at) continue;
      const stamp: ChangeStamp = {
        stamper: rt.stamper,
        terminal,
        actor: {
          userId: found.userId,
          username: found.username,
          role: found.role,
          orgUnitId: row.org_unit_id,
        },
      };
      const updated = await updateCase(trx, stamp, row, { handed_out_at: row.completed_at });
      const note = '即办件当场办结时已将结果交给申请人（升级后补记）';
      await addEvent(trx, stamp, updated, {
        action: 'hand_out',
        from: 'completed',
        to: 'completed',
        note,
        actorName: found.displayName,
      });
      await auditCase(trx, stamp, rt.stamper.nowIso(), {
        action: ON_SPOT_BACKLOG_ACTION,
        caseId: row.id,
        detail: `${row.case_no}：${note}`,
      });
    }
    await putSetting(trx, 'on_spot_backlog_repaired_at', rt.stamper.nowIso());
    return stuck.length;
  });
}
