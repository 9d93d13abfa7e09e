/*
 * Names of saved PDFs: the document title first so that staff recognise the file, then the local
 * time so that reprints never overwrite each other. Pure, for tests.
 */

const FALLBACK_TITLE = '打印';
const MAX_TITLE_CHARS = 60;

/** Characters Windows forbids in file names, control characters and path separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

export function safeTitle(title: string): string {
  const cleaned = title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // Windows silently drops trailing dots and spaces; a leading dot hides the file on Linux.
  const trimmed = [...cleaned]
    .slice(0, MAX_TITLE_CHARS)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return trimmed === '' ? FALLBACK_TITLE : trimmed;
}

/** 'title-YYYYMMDD-HHmmss.pdf', or with '-2', '-3'… for a second file in the same second. */
export function pdfFileName(title: string, at: Date, attempt = 1): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-` +
    `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${safeTitle(title)}-${stamp}${suffix}.pdf`;
}
