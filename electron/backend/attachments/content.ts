import type { MethodOutput } from '@shared/api';
import { DomainError } from '../core/errors';
import { storedFileName, type AcceptedMime } from './file-name';
import { contentMatchesMime } from './magic';
import type { Runtime } from '../core/runtime';
import { attachmentBytes } from './hub-files';
import { sha256Hex } from './store';

/**
 * The checks every upload passes, whatever record it belongs to (a case material or an event report):
 * readable base64, not empty, at most 10 MiB, and bytes that really are of the declared type.
 */

const MAX_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const MIME_LABELS: Record<AcceptedMime, string> = {
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'application/pdf': 'PDF 文件',
};

function decodeUpload(base64: string): Buffer {
  const text = base64.replace(/\s/g, '');
  const bytes = BASE64.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : null;
  if (!bytes || bytes.length === 0) {
    throw new DomainError('INVALID_INPUT', '文件内容无法读取，请重新选择文件', {
      base64: '不是有效的文件内容',
    });
  }
  if (bytes.length > MAX_BYTES) {
    throw new DomainError('INVALID_INPUT', '文件超过 10 MB，请降低扫描分辨率后重试', {
      base64: '文件超过 10 MB',
    });
  }
  return bytes;
}

/** A renamed file (a .doc saved as .jpg) is refused rather than stored under a type it is not. */
function ensureContentMatches(mime: AcceptedMime, bytes: Uint8Array): void {
  if (!contentMatchesMime(mime, bytes)) {
    throw new DomainError(
      'ATTACHMENT_TYPE_MISMATCH',
      `文件内容与所选类型（${MIME_LABELS[mime]}）不符，可能是改了扩展名，请重新扫描或另存后上传`,
    );
  }
}

/** An upload as it is stored: its checked bytes, the name it is kept under and its content's hash. */
export function checkedUpload(input: { base64: string; mime: AcceptedMime; fileName: string }): {
  bytes: Buffer;
  fileName: string;
  sha256: string;
} {
  const bytes = decodeUpload(input.base64);
  ensureContentMatches(input.mime, bytes);
  return { bytes, fileName: storedFileName(input.fileName, input.mime), sha256: sha256Hex(bytes) };
}

interface AttachmentRow {
  id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** A stored attachment as the contract shows it, whatever record it belongs to. */
export function toAttachment(row: AttachmentRow): MethodOutput<'attachments.upload'> {
  return {
    id: row.id,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
  };
}

/**
 * A stored attachment with its bytes, fetched from the county hub when the file is not here yet
 * (hub-files.ts). `missing` is the message on a terminal not joined to a hub: it says where the file
 * may yet come from.
 */
export async function withContent(
  rt: Runtime,
  row: AttachmentRow,
  missing: string,
): Promise<MethodOutput<'attachments.get'>> {
  const bytes = await attachmentBytes(rt, row, missing);
  return { ...toAttachment(row), base64: bytes.toString('base64') };
}
