import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { addResident, ensureItem, SETUP_TIMEOUT_MS, signInAs } from '../testing/township';
import { startHttpHost } from '../host/http-host';
import { demoTest } from '../testing/fixtures';
import { sha256Hex } from './store';
import { VILLAGE_AGENT } from '@shared/testing/people';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([8, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');

type Mime = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';
const SECRET = 'c'.repeat(48);

const test = demoTest
  .extend('opened', async ({ harness: h, clerk }) => {
    /** 孙大姐's pension case, waiting for 补正 with its first material received. */
    const { id: residentId } = await addResident(h, { name: '孙大姐', serial: 62 });
    const opened = await h.ok(
      'cases.intake',
      {
        residentId,
        itemId: await ensureItem(h, 'ZJ-XZ-0003'),
        outcome: 'incomplete',
        materials: [{ position: 0, status: 'received' }],
      },
      clerk,
    );
    return { caseId: opened.id, materialIds: opened.materials.map((material) => material.id) };
  })
  .extend('upload', ({ harness: h, clerk, opened: { caseId, materialIds } }) => {
    return (bytes: Buffer, mime: Mime, material = 0) =>
      h.call(
        'attachments.upload',
        {
          caseId,
          caseMaterialId: materialIds[material]!,
          fileName: `扫描件.${mime.split('/')[1]}`,
          mime,
          base64: bytes.toString('base64'),
        },
        clerk,
      );
  })
  .extend('storedFiles', ({ harness: h }) => {
    return (): string[] => {
      const root = join(h.dataDir, 'attachments');
      return readdirSync(root).flatMap((folder) => readdirSync(join(root, folder)));
    };
  })
  .extend('postUpload', ({ harness: h, clerk, opened: { caseId, materialIds } }) => {
    /** POST /api/attachments.upload with the clerk's session, as any local page or script could. */
    return async (fileName: string, mime: string, bytes: Buffer) => {
      const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
      const host = await startHttpHost(h.backend, { port: 0, rendererDir, secret: SECRET });
      try {
        const res = await fetch(`${new URL(host.url).origin}/api/attachments.upload`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-desk-secret': SECRET,
            'x-desk-session': clerk,
          },
          body: JSON.stringify({
            caseId,
            caseMaterialId: materialIds[0],
            fileName,
            mime,
            base64: bytes.toString('base64'),
          }),
        });
        return (await res.json()) as
          | { ok: true; value: { id: string; fileName: string } }
          | { ok: false; error: { code: string; message: string } };
      } finally {
        await host.close();
        rmSync(rendererDir, { recursive: true, force: true });
      }
    };
  });

describe('attachments', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('stores each content once, by its SHA-256, and links it to the material', async ({
    harness: h,
    opened: { caseId },
    upload,
    storedFiles,
    clerk,
  }) => {
    const first = await upload(PNG, 'image/png');
    if (!first.ok) throw new Error(first.error.message);
    const sha = sha256Hex(PNG);
    expect(first.value).toMatchObject({ mime: 'image/png', size: PNG.length, sha256: sha });
    expect(readdirSync(join(h.dataDir, 'attachments', sha.slice(0, 2)))).toEqual([sha]);

    const again = await upload(PNG, 'image/png');
    expect(again.ok && again.value.id).toBe(first.value.id);
    const elsewhere = await upload(PNG, 'image/png', 1);
    expect(elsewhere.ok && elsewhere.value.id).not.toBe(first.value.id);
    expect(storedFiles()).toEqual([sha]);

    const detail = await h.ok('cases.get', { caseId }, clerk);
    expect(detail.materials[0]?.attachments.map((attachment) => attachment.id)).toEqual([
      first.value.id,
    ]);
    expect(detail.materials[1]?.attachments).toHaveLength(1);

    const fetched = await h.ok('attachments.get', { attachmentId: first.value.id }, clerk);
    expect(Buffer.from(fetched.base64, 'base64').equals(PNG)).toBe(true);
    expect(fetched.fileName).toBe('扫描件.png');
  });

  test('accepts JPEG, WebP and PDF by their first bytes', async ({ upload, storedFiles }) => {
    for (const [bytes, mime] of [
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
      [PDF, 'application/pdf'],
    ] as const) {
      expect((await upload(bytes, mime)).ok).toBe(true);
    }
    expect(storedFiles()).toHaveLength(3);
  });

  test('refuses content that is not the declared type, and what is not base64', async ({
    harness: h,
    opened: { caseId, materialIds },
    upload,
    clerk,
  }) => {
    const renamed = await upload(PNG, 'image/jpeg');
    expect(renamed.ok ? null : renamed.error).toMatchObject({
      code: 'ATTACHMENT_TYPE_MISMATCH',
      message: '文件内容与所选类型（JPG 图片）不符，可能是改了扩展名，请重新扫描或另存后上传',
    });
    const pdf = await upload(JPEG, 'application/pdf');
    expect(pdf.ok ? null : pdf.error.code).toBe('ATTACHMENT_TYPE_MISMATCH');
    const garbage = await h.call(
      'attachments.upload',
      {
        caseId,
        caseMaterialId: materialIds[0]!,
        fileName: 'x.png',
        mime: 'image/png',
        base64: '%%%',
      },
      clerk,
    );
    expect(garbage.ok ? null : garbage.error.code).toBe('INVALID_INPUT');
    const rows = await h.backend.runtime.db.selectFrom('attachments').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  test('shows an attachment only to those who may see its case', async ({
    harness: h,
    township: { admin },
    upload,
  }) => {
    const stored = await upload(PDF, 'application/pdf');
    if (!stored.ok) throw new Error(stored.error.message);
    const units = await h.ok('orgUnits.list', {}, admin);
    const village = units.find((unit) => unit.code === '330324001001')!;
    const agent = await signInAs(h, admin, { ...VILLAGE_AGENT, orgUnitId: village.id });
    const refused = await h.call('attachments.get', { attachmentId: stored.value.id }, agent);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  describe('through the browser-mode HTTP API, as an attacker would send it', () => {
    test.for([
      ['a path out of the data folder', '../../../../etc/cron.d/x.png', 'x.png'],
      ['a Windows device name behind a path', 'C:\\tmp\\..\\CON.exe', '_CON.png'],
      ['a right-to-left override hiding .exe', '身份证\u202Egnp.exe', '身份证gnp.png'],
      ['a hidden file with a line break for the log', '.\n审核通过\r\n.png', '审核通过.png'],
    ] as const)(
      "stores %s under a plain name with the checked type's extension",
      async (
        [, name, shown],
        { harness: h, clerk, opened: { caseId }, postUpload, storedFiles },
      ) => {
        const answer = await postUpload(name, 'image/png', PNG);
        if (!answer.ok) throw new Error(answer.error.message);
        expect(answer.value.fileName).toBe(shown);
        const fetched = await h.ok('attachments.get', { attachmentId: answer.value.id }, clerk);
        expect(fetched.fileName).toBe(shown);
        const detail = await h.ok('cases.get', { caseId }, clerk);
        expect(detail.materials[0]?.attachments.map((file) => file.fileName)).toEqual([shown]);
        const audit = await h.backend.runtime.db
          .selectFrom('audit_log')
          .select('detail')
          .where('action', '=', 'attachments.upload')
          .execute();
        expect(audit.map((entry) => entry.detail)).toEqual([
          expect.stringContaining(`：${shown}（`),
        ]);
        expect(storedFiles()).toEqual([sha256Hex(PNG)]);
      },
    );

    test('refuses a "PNG" that has only the first four bytes of the signature', async ({
      harness: h,
      postUpload,
    }) => {
      const fake = Buffer.from('\x89PNG<svg onload=alert(1)>', 'latin1');
      const answer = await postUpload('照片.png', 'image/png', fake);
      expect(answer.ok ? null : answer.error.code).toBe('ATTACHMENT_TYPE_MISMATCH');
      expect(
        (await h.backend.runtime.db.selectFrom('attachments').select('id').execute()).length,
      ).toBe(0);
    });
  });
});
