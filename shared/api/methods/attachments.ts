import { z } from 'zod';
import { method } from '../define';
import { idSchema } from './common';

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const ATTACHMENT_MIMES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;
/** 10 MiB of file as base64 (4/3 larger). */
const MAX_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

/** The file of any upload, whatever record it is attached to. */
export const uploadedFileFields = {
  fileName: z.string().trim().min(1).max(120),
  mime: z.enum(ATTACHMENT_MIMES, { error: '只能上传 JPG、PNG、WebP 图片或 PDF 文件' }),
  base64: z.string().min(1, '文件为空').max(MAX_BASE64, '文件超过 10 MB，请降低扫描分辨率后重试'),
};

export const attachmentsMethods = {
  /** A scan or photo of a material, stored content-addressed by SHA-256 in the data folder. */
  'attachments.upload': method({
    input: z.object({
      caseId: idSchema,
      caseMaterialId: idSchema,
      ...uploadedFileFields,
    }),
    output: attachmentSchema,
    access: ['admin', 'supervisor', 'clerk', 'agent'],
  }),
  'attachments.get': method({
    input: z.object({ attachmentId: idSchema }),
    output: attachmentSchema.extend({ base64: z.string() }),
    access: ['admin', 'supervisor', 'clerk', 'agent', 'auditor'],
  }),
};
