import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { appendAudit } from '../audit/service';
import { actionableCase, visibleCase } from '../cases/service';
import { DomainError } from '../core/errors';
import { stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced } from '../core/synced-writes';
import { checkedUpload, toAttachment, withContent } from './content';
import { findAttachment, findCaseMaterial, findOnMaterial } from './repository';
import { storeBlob } from './store';

/** The files' part of the hub's sync cycle, and the pusher's check that a file went first. */
export { ensureUploaded, fetchQueuedFiles, uploadPendingFiles } from './hub-files';

type Attachment = MethodOutput<'attachments.upload'>;
type UploadInput = MethodParsedInput<'attachments.upload'>;

/** A scan or photo of a checklist material, stored once per content and linked to the material. */
export async function upload(ctx: CallContext, input: UploadInput): Promise<Attachment> {
  const row = await actionableCase(ctx, input.caseId);
  const material = await findCaseMaterial(ctx.rt.db, row.id, input.caseMaterialId);
  if (!material) throw new DomainError('NOT_FOUND', '找不到该材料，请刷新后重试');
  const { bytes, fileName, sha256 } = checkedUpload(input);
  const existing = await findOnMaterial(ctx.rt.db, row.id, material.id, sha256);
  if (existing) return toAttachment(existing);
  // The file first: a row never names a missing file, and a file left by a failed insert is the
  // same content the next upload would store.
  storeBlob(ctx.rt.dataDir, sha256, bytes);
  const stamp = stampOf(ctx);
  const id = await ctx.rt.db.transaction().execute(async (trx) => {
    const attachmentId = await insertSynced(trx, stamp, 'attachments', row.org_unit_id, {
      sha256,
      size: bytes.length,
      mime: input.mime,
      file_name: fileName,
      case_id: row.id,
      case_material_id: material.id,
    });
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'attachments.upload',
      objectType: 'case',
      objectId: row.id,
      detail: `${row.case_no} ${material.name}：${fileName}（${bytes.length} 字节）`,
    });
    return attachmentId;
  });
  return toAttachment({
    id,
    file_name: fileName,
    mime: input.mime,
    size: bytes.length,
    sha256,
  });
}

export async function getAttachment(
  ctx: CallContext,
  attachmentId: string,
): Promise<Attachment & { base64: string }> {
  const row = await findAttachment(ctx.rt.db, attachmentId);
  if (!row?.case_id) throw new DomainError('NOT_FOUND', '找不到该附件');
  await visibleCase(ctx, row.case_id);
  return withContent(ctx.rt, row, '附件文件缺失，可能尚未从上级同步');
}
