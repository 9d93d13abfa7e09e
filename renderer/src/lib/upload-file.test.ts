import { describe, expect, it } from 'vitest';
import { readUpload, uploadProblem } from './upload-file';

describe('uploadProblem', () => {
  it('accepts photos and PDF scans up to 10 MB', () => {
    expect(uploadProblem({ name: '现场.jpg', type: 'image/jpeg', size: 10 * 1024 * 1024 })).toBe(
      null,
    );
    expect(uploadProblem({ name: '排查表.pdf', type: 'application/pdf', size: 2048 })).toBe(null);
  });

  it('names the file it refuses and says why', () => {
    expect(uploadProblem({ name: '说明.docx', type: 'application/msword', size: 10 })).toBe(
      '“说明.docx”不是 JPG、PNG、WebP 图片或 PDF 文件',
    );
    expect(uploadProblem({ name: '大图.png', type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe(
      '“大图.png”超过 10 MB，请降低扫描分辨率后重试',
    );
    expect(uploadProblem({ name: '空.png', type: 'image/png', size: 0 })).toBe('“空.png”是空文件');
  });
});

describe('readUpload', () => {
  it('carries the bytes as base64, however long the file', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    const file = new File([bytes], '照片.png', { type: 'image/png' });
    const upload = await readUpload(file);
    expect(upload.fileName).toBe('照片.png');
    expect(upload.mime).toBe('image/png');
    expect(Uint8Array.from(atob(upload.base64), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
