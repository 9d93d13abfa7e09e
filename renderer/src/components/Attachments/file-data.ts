import type { MethodInput } from '@shared/api';

type AttachmentMime = MethodInput<'attachments.upload'>['mime'];

export const ACCEPTED_MIME: readonly AttachmentMime[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

/** The backend's own limit, checked first so that a too-large scan is not sent at all. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function acceptedMime(type: string): AttachmentMime | null {
  return ACCEPTED_MIME.find((mime) => mime === type) ?? null;
}

/** The file's bytes as base64, the form the contract carries them in. */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(blob);
  });
}

export function isImage(mime: string): boolean {
  return mime.startsWith('image/');
}
