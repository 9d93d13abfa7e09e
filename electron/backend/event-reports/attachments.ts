import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { appendAudit } from '../audit/service';
import { checkedUpload, withContent } from '../attachments/content';
import { storeBlob } from '../attachments/store';
import { DomainError } from '../core/errors';
import { requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced } from '../core/synced-writes';
import { findOnReport, findReportAttachment } from './repository';
import { getEventReport, readableReport } from './service';

/**
 * A photo or scan sent with an event report. Only the reporting unit adds files, and only until the
 * receiver has acknowledged: what was signed for is what was received.
 */
export async function attachToReport(
  ctx: CallContext,
  input: MethodParsedInput<'eventReports.attach'>,
): Promise<MethodOutput<'eventReports.attach'>> {
  const user = requireUser(ctx.actor);
  const report = await readableReport(ctx, input.eventReportId);
  if (report.org_unit_id !== user.orgUnitId) {
    throw new DomainError('FORBIDDEN', '只有报送单位才能为事件报告添加附件');
  }
  if (report.acknowledged_at) {
    throw new DomainError(
      'ALREADY_ACKNOWLEDGED',
      `该事件报告已由${report.acknowledged_by_name}签收，不能再添加附件，如有新情况请另行报告`,
    );
  }
  const { bytes, fileName, sha256 } = checkedUpload(input);
  if (await findOnReport(ctx.rt.db, report.id, sha256)) return getEventReport(ctx, report.id);
  // The file first: a row never names a missing file, and a file left by a failed insert is the
  // same content the next upload would store.
  storeBlob(ctx.rt.dataDir, sha256, bytes);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    await insertSynced(trx, stamp, 'attachments', report.org_unit_id, {
      sha256,
      size: bytes.length,
      mime: input.mime,
      file_name: fileName,
      case_id: null,
      case_material_id: null,
      event_report_id: report.id,
    });
    await appendAudit(trx, stamp.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'eventReports.attach',
      objectType: 'event_report',
      objectId: report.id,
      detail: `${report.title}：${fileName}（${bytes.length} 字节）`,
    });
  });
  return getEventReport(ctx, report.id);
}

/** The file itself, for the sender, the receiver and the units above either. */
export async function reportAttachment(
  ctx: CallContext,
  attachmentId: string,
): Promise<MethodOutput<'eventReports.attachment'>> {
  const row = await findReportAttachment(ctx.rt.db, attachmentId);
  if (!row?.event_report_id) throw new DomainError('NOT_FOUND', '找不到该附件');
  await readableReport(ctx, row.event_report_id);
  return withContent(ctx.rt, row, '附件文件缺失，可能尚未从下级同步');
}
