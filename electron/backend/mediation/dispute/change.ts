import type { DisputeDetail } from '@shared/api/methods/mediation-views';
import type { Transaction, Updateable } from 'kysely';
import type { ChangeStamp } from '../../core/changes';
import { stampOf } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import type { Database, DisputesTable } from '../../db/schema';
import { actorName } from './actor';
import { disputeDetail } from './detail';
import { ensureUnchanged, updateSynced } from '../../core/synced-writes';
import { logDisputeChange, type DisputeEvent } from './timeline';

interface DisputeChange {
  /** Columns of the dispute to change; nothing to change leaves the row (and its version) alone. */
  set?: Updateable<DisputesTable>;
  /** The rest of the change: rows beside the dispute, in the same transaction. */
  also?: (trx: Transaction<Database>, stamp: ChangeStamp) => Promise<void>;
  event: DisputeEvent;
  auditAction: string;
}

/**
 * One use case on a dispute as one transaction: the row, what goes with it, the case file's timeline,
 * the audit entry and the change log; answers the case file as the caller now sees it.
 */
export async function changeDispute(
  ctx: CallContext,
  row: DisputesTable,
  change: DisputeChange,
): Promise<DisputeDetail> {
  const name = await actorName(ctx);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    if (change.set && Object.keys(change.set).length > 0) {
      await updateSynced(trx, stamp, 'disputes', row, change.set);
    } else {
      // The change was decided on the dispute as read before the transaction: it must still be so.
      await ensureUnchanged(trx, 'disputes', row);
    }
    await change.also?.(trx, stamp);
    await logDisputeChange(trx, stamp, row, name, change.event, change.auditAction);
  });
  return disputeDetail(ctx, row.id);
}
