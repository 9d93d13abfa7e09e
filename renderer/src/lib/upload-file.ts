import { ATTACHMENT_MIMES } from '@shared/api';

/** What the backend accepts (shared/api attachments): JPG, PNG, WebP or PDF, at most 10 MB. */
type UploadMime = (typeof ATTACHMENT_MIMES)[number];
export const UPLOAD_ACCEPT = ATTACHMENT_MIMES.join(',');
const MAX_BYTES = 10 * 1024 * 1024;

/** Why a picked file cannot be sent, said before it is read, or null when it can. */
export function uploadProblem(file: { name: string; type: string; size: number }): string | null {
  if (!(ATTACHMENT_MIMES as readonly string[]).includes(file.type)) {
    return `“${file.name}”不是 JPG、PNG、WebP 图片或 PDF 文件`;
  }
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_BYTES) return `“${file.name}”超过 10 MB，请降低扫描分辨率后重试`;
  return null;
}

/** The file as the contract carries it: name, type and base64 content. */
export async function readUpload(
  file: File,
): Promise<{ fileName: string; mime: UploadMime; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the call stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return { fileName: file.name, mime: file.type as UploadMime, base64: btoa(binary) };
}
