import { sql } from 'kysely';
import { appendAudit } from '../../audit/service';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { visibleCase } from '../access';
import type { CaseDocument } from './detail-repository';
import { stateLabel } from '../workflow/notes';
import { everPendingSupplement, type CaseRow } from '../repository';

const DOCUMENT_LABELS: Record<CaseDocument, string> = {
  receipt: '受理回执',
  notice: '一次性告知单',
  rejection: '不予受理通知书',
  completion: '办结通知',
  agency: '代办受理凭证',
};

/** Each paper states a fact of the case, so it exists only once that fact does. */
async function printable(ctx: CallContext, row: CaseRow, document: CaseDocument) {
  switch (document) {
    case 'receipt':
      return row.accepted_at !== null;
    case 'notice':
      return everPendingSupplement(ctx.rt.db, row.id);
    case 'rejection':
      return row.state === 'rejected';
    case 'completion':
      return row.state === 'completed';
    case 'agency':
      return row.channel === 'agency';
  }
}

/** Counts a print; the audit says 重印 from the second one on. */
export async function recordPrint(
  ctx: CallContext,
  caseId: string,
  document: CaseDocument,
): Promise<{ count: number }> {
  const row = await visibleCase(ctx, caseId);
  const label = DOCUMENT_LABELS[document];
  if (!(await printable(ctx, row, document))) {
    throw new DomainError(
      'PRINT_NOT_AVAILABLE',
      `案件当前为「${stateLabel(row)}」，不能打印${label}`,
    );
  }
  const now = ctx.rt.stamper.nowIso();
  return ctx.rt.db.transaction().execute(async (trx) => {
    const { count } = await trx
      .insertInto('print_counts')
      .values({ document, object_id: row.id, count: 1, last_at: now })
      .onConflict((conflict) =>
        conflict
          .columns(['document', 'object_id'])
          .doUpdateSet({ count: sql`count + 1`, last_at: now }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, now, ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: `print.${document}`,
      objectType: 'case',
      objectId: row.id,
      detail:
        count > 1 ? `${row.case_no} ${label}重印（第 ${count} 次）` : `${row.case_no} ${label}`,
    });
    return { count };
  });
}
