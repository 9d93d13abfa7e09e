/** PNG's whole signature: \x89 P N G, then CR LF, EOF (^Z) and LF, which catch a text-mode copy. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The first bytes each accepted type must start with; a renamed file is refused, not stored. */
const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => PNG_SIGNATURE.every((byte, index) => b[index] === byte),
  // RIFF, four bytes of length, then WEBP.
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b) => ascii(b, 0, 4) === '%PDF',
};

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export function contentMatchesMime(mime: string, bytes: Uint8Array): boolean {
  return SIGNATURES[mime]?.(bytes) ?? false;
}
