/** The kinds of file an attachment may be, by what its bytes are (magic.ts), not by its name. */
export type AcceptedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/*
 * The name an attachment is stored, listed, audited and downloaded under. It comes from the
 * uploader's machine (or a crafted request), so it is treated as display text only: it can never
 * name a folder, hide its real type behind a right-to-left override, or become a device name when a
 * clerk saves it on Windows. The extension always comes from the type the content was checked
 * against, never from the name.
 */

const EXTENSIONS: Record<AcceptedMime, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

/** Leaves room for the extension within the contract's 120 characters. */
const MAX_STEM_CHARACTERS = 80;
const FALLBACK_STEM = '附件';

// Cc: control characters; Cf: format characters, among them the bidirectional overrides and
// isolates (U+202E turns "gpj.exe" into what reads as "exe.jpg") and zero-width characters.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Characters Windows refuses in a file name; a download under such a name fails or is renamed.
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
// Windows opens a device for these whatever the extension (CON.png is the console).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// What an extension looks like: short, ASCII, with a letter. "第3.5版" keeps its "5版".
const EXTENSION = /\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,10}$/;
// Line breaks and tabs separate words; other control characters are dropped.
const BREAKS = /[\t\n\v\f\r]/g;

export function storedFileName(name: string, mime: AcceptedMime): string {
  const base = lastPathSegment(name.normalize('NFC'));
  const visible = base
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/\s+/g, ' ');
  // Leading dots hide a file on Linux; Windows drops trailing dots and spaces itself.
  let stem = trimDotsAndSpaces(trimDotsAndSpaces(visible).replace(EXTENSION, ''));
  stem = trimDotsAndSpaces(Array.from(stem).slice(0, MAX_STEM_CHARACTERS).join(''));
  if (stem === '') stem = FALLBACK_STEM;
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return `${stem}${EXTENSIONS[mime]}`;
}

/** A browser never sends a folder with a file name; a name that carries one keeps only its last part. */
function lastPathSegment(name: string): string {
  const parts = name.split(/[/\\]/).filter((part) => part.trim() !== '');
  return parts[parts.length - 1] ?? '';
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/g, '');
}
