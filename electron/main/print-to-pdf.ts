import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '@shared/api/result';
import type { WebContents } from 'electron';
import log from 'electron-log/main';
import { pdfFileName } from './pdf-file-name';
import { preparePrintsFolder, PRINT_FILE_MODE } from './prints-folder';

const MAX_ATTEMPTS = 20;

/** Prints the page as shown (A4, with backgrounds) into the prints folder. */
export async function printToPdf(
  contents: WebContents,
  folder: string,
  title: string,
): Promise<Result<{ path: string }>> {
  try {
    const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
    await preparePrintsFolder(folder);
    const at = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const path = join(folder, pdfFileName(title, at, attempt));
      try {
        // 'wx': never overwrite a document already handed to a resident.
        await writeFile(path, pdf, { flag: 'wx', mode: PRINT_FILE_MODE });
        log.info('已保存 PDF', path);
        return ok({ path });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`too many PDFs named like ${pdfFileName(title, at)}`);
  } catch (error) {
    log.error('生成 PDF 失败', error);
    return fail('INTERNAL', '生成 PDF 失败，请重试；如仍失败，请联系系统管理员');
  }
}
