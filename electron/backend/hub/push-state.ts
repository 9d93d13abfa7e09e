import type { PushEntry, PushRejection } from '@shared/sync/records-contract';
import type { Runtime } from '../core/runtime';
import type { Db } from '../db/queryable';
import type { SyncStateTable } from '../db/schema';
import { markPushed } from './push-entries';
import { recordContact } from './repository';

export async function readSyncState(db: Db): Promise<SyncStateTable> {
  return db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Why the last push stopped short; the status bar shows it until a push gets through. */
export async function recordPushError(db: Db, code: string, message: string): Promise<void> {
  await db
    .updateTable('sync_state')
    .set({ last_error_code: code, last_error_message: message })
    .where('id', '=', 1)
    .execute();
}

/**
 * One answer of the hub, all at once: the entries it decided leave the queue, the ones it refused
 * are kept under 同步问题 with its reason, and the push is recorded as done, with the hub's contact
 * (recordContact: written apart, at synchronous=FULL, it cost every push an fsync of its own). A
 * refusal repeated (the answer to a push sent again after a cut) is kept once. Answers how many
 * problems are new.
 */
export async function recordPushResult(
  rt: Runtime,
  epoch: string,
  decided: readonly Pick<PushEntry, 'seq' | 'table' | 'recordId'>[],
  rejections: readonly PushRejection[],
): Promise<number> {
  const now = rt.stamper.nowIso();
  const bySeq = new Map(decided.map((entry) => [entry.seq, entry]));
  const { sqlite } = rt;
  // synchronous=NORMAL for this transaction only, on the connection it holds: an answer lost to a
  // power cut leaves its entries waiting, and the hub, deciding each (terminal, epoch, seq) once,
  // answers them again when they are sent again. The fsync it spares is most of a batch's cost.
  return rt.db.connection().execute(async (db) => {
    sqlite.pragma('synchronous = NORMAL');
    try {
      return await recordAnswer(db, sqlite, epoch, decided, bySeq, rejections, now);
    } finally {
      sqlite.pragma('synchronous = FULL');
    }
  });
}

async function recordAnswer(
  db: Db,
  sqlite: Runtime['sqlite'],
  epoch: string,
  decided: readonly Pick<PushEntry, 'seq' | 'table' | 'recordId'>[],
  bySeq: ReadonlyMap<number, Pick<PushEntry, 'seq' | 'table' | 'recordId'>>,
  rejections: readonly PushRejection[],
  now: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The raw handle is the connection this transaction runs on.
    markPushed(sqlite, epoch, decided);
    let added = 0;
    for (const rejection of rejections) {
      const entry =
        bySeq.get(rejection.seq) ??
        (await trx
          .selectFrom('outbox')
          .select(['table_name as table', 'record_id as recordId'])
          .where('seq', '=', rejection.seq)
          .executeTakeFirst());
      if (!entry) continue;
      const inserted = await trx
        .insertInto('sync_problems')
        .values({
          seq: rejection.seq,
          epoch,
          table_name: entry.table,
          record_id: entry.recordId,
          code: rejection.code,
          message: rejection.message,
          reported_at: now,
          settled_at: null,
          settled_by: null,
        })
        .onConflict((oc) => oc.column('seq').doNothing())
        .executeTakeFirst();
      added += Number(inserted.numInsertedOrUpdatedRows ?? 0);
    }
    await trx
      .updateTable('sync_state')
      .set({ last_push_at: now, last_error_code: null, last_error_message: null })
      .where('id', '=', 1)
      .execute();
    await recordContact(trx, now);
    return added;
  });
}
