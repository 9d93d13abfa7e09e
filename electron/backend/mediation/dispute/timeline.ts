import type { Transaction } from 'kysely';
import { appendAudit } from '../../audit/service';
import type { ChangeStamp } from '../../core/changes';
import { insertSynced } from '../../core/synced-writes';
import type { Database } from '../../db/schema';

type Trx = Transaction<Database>;

export interface DisputeEvent {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  fromOrgId?: string | null;
  toOrgId?: string | null;
  note?: string | null;
}

/** The case file's own timeline, and the hash-chained audit entry, for one change to a dispute. */
export async function logDisputeChange(
  trx: Trx,
  stamp: ChangeStamp,
  dispute: { id: string; case_no: string; org_unit_id: string },
  actorName: string | null,
  event: DisputeEvent,
  auditAction: string,
): Promise<void> {
  const at = stamp.stamper.nowIso();
  await insertSynced(trx, stamp, 'dispute_events', event.toOrgId ?? dispute.org_unit_id, {
    dispute_id: dispute.id,
    at,
    actor_id: stamp.actor.userId,
    actor_name: actorName,
    action: event.action,
    from_state: event.fromState ?? null,
    to_state: event.toState ?? null,
    from_org_id: event.fromOrgId ?? null,
    to_org_id: event.toOrgId ?? null,
    note: event.note ?? null,
  });
  await appendAudit(trx, at, stamp.actor, stamp.terminal.terminalId, {
    action: auditAction,
    objectType: 'dispute',
    objectId: dispute.id,
    detail: event.note ? `${dispute.case_no}：${event.note}` : dispute.case_no,
  });
}
