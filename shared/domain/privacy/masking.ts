import type { DocumentType } from '../identity/documents';

/**
 * ID numbers and phones are sensitive personal information (PIPL art. 28): lists, exports and logs
 * show them masked, and the full value only appears on an audited reveal or where a form needs it.
 * Each mask keeps just enough for a clerk to tell two records apart and a resident to recognise
 * their own.
 */

const MASK = '*';

/**
 * Keeps `head` and `tail` characters; masks everything when the value is too short to keep them and
 * still hide something, since a malformed value must not leak whole.
 */
function keepEnds(value: string, head: number, tail: number): string {
  const characters = Array.from(value);
  if (characters.length <= head + tail) return MASK.repeat(characters.length);
  const hidden = characters.length - head - tail;
  return (
    characters.slice(0, head).join('') + MASK.repeat(hidden) + characters.slice(-tail).join('')
  );
}

/** 330302********1234: the division code says where, the last four tell two residents apart. */
export function maskIdNumber(number: string): string {
  return keepEnds(number, 6, 4);
}

/** 138****8000; a landline keeps its area code: 0577-****1234; abroad keeps the country: +852****4567. */
export function maskPhone(number: string): string {
  const landline = /^(0\d{2,3})-(\d+)$/.exec(number);
  if (landline?.[1] && landline[2]) return `${landline[1]}-${keepEnds(landline[2], 0, 4)}`;
  if (number.startsWith('+')) return `+${keepEnds(number.slice(1), 3, 4)}`;
  return keepEnds(number, 3, 4);
}

/** 张*, 张*丰, 欧**娜: the surname and the last character, counted in characters, not UTF-16 units. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return MASK.repeat(characters.length);
  if (characters.length === 2) return `${characters[0] ?? ''}${MASK}`;
  return keepEnds(characters.join(''), 1, 1);
}

/**
 * Numbers built like a resident ID are masked like one; the others keep their first and last two
 * characters (E1*****78).
 */
export function maskDocument(type: DocumentType, number: string): string {
  return DOCUMENTS_MASKED_AS_ID.includes(type) ? maskIdNumber(number) : keepEnds(number, 2, 2);
}

/** The document types built like a resident ID number, masked as one. */
export const DOCUMENTS_MASKED_AS_ID: readonly DocumentType[] = ['resident_id', 'residence_permit'];
