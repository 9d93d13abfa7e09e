import type { SearchIndexRebuild } from '@shared/api';
import { appendAudit } from '../audit/service';
import type { CallContext } from '../core/runtime';
import { DomainError } from '../core/errors';
import {
  FTS_INDEXES,
  createShadow,
  dropShadow,
  insertIntoShadow,
  swapInShadow,
  type FtsIndex,
} from './repository';

/**
 * Rows per transaction: about 30 ms of trigram indexing, so that status polls are answered between
 * batches and the window can show that the rebuild is running.
 */
const BATCH_ROWS = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Each index is built afresh beside the damaged one from its table and takes its place in one
 * transaction, so that a rebuild stopped half-way (power cut, full disk) leaves the old index as it
 * was. Every other request is refused meanwhile (dispatcher): nothing can write to a table being read
 * batch by batch, and no search sees a half-built index.
 */
export async function rebuildSearchIndexes(ctx: CallContext): Promise<SearchIndexRebuild> {
  const { rt } = ctx;
  if (rt.reindexing) {
    throw new DomainError('SEARCH_INDEX_REBUILDING', '正在重建搜索索引，请稍候再试');
  }
  if (rt.restoring) throw new DomainError('RESTORE_IN_PROGRESS', '正在从备份恢复数据，请稍候再试');
  rt.reindexing = true;
  const started = performance.now();
  try {
    // Requests that passed the gate before it closed finish first: a write between two batches
    // could change a row already copied, or add one after the last.
    while (rt.inFlight > 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const counts = { residents: 0, cases: 0, disputes: 0 };
    for (const index of FTS_INDEXES) counts[index.key] = await rebuildIndex(ctx, index);
    const damaged = rt.searchIndexDamaged;
    rt.searchIndexDamaged = null;
    const durationMs = Math.round(performance.now() - started);
    await rt.db.transaction().execute((trx) =>
      appendAudit(trx, rt.stamper.nowIso(), ctx.actor, rt.terminal?.terminalId ?? null, {
        action: 'searchIndex.rebuild',
        outcome: 'success',
        detail:
          `群众 ${counts.residents} 条、办件 ${counts.cases} 条、纠纷 ${counts.disputes} 条，用时 ${durationMs} 毫秒` +
          (damaged ? `；重建前的错误：${damaged}` : ''),
      }),
    );
    return { ...counts, durationMs };
  } finally {
    rt.reindexing = false;
  }
}

async function rebuildIndex(ctx: CallContext, index: FtsIndex): Promise<number> {
  const { db } = ctx.rt;
  await createShadow(db, index);
  try {
    let after = 0;
    let total = 0;
    for (;;) {
      const rows = await db.transaction().execute(async (trx) => {
        const batch = await index.readAfter(trx, after, BATCH_ROWS);
        await insertIntoShadow(trx, index, batch);
        return batch;
      });
      const last = rows.at(-1);
      if (!last) break;
      after = last.rowid;
      total += rows.length;
      await nextTurn();
    }
    await db.transaction().execute((trx) => swapInShadow(trx, index));
    return total;
  } catch (error) {
    await dropShadow(db, index).catch(() => undefined);
    throw error;
  }
}
