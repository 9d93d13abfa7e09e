import { describe, expect, it } from 'vitest';
import { contentMatchesMime } from './magic';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('contentMatchesMime for PNG', () => {
  it.each([
    ['the whole 8-byte signature and a chunk', [...PNG_SIGNATURE, 0, 0, 0, 13], true],
    [
      'only the first four bytes, then text',
      [0x89, 0x50, 0x4e, 0x47, 0x20, 0x3c, 0x73, 0x76],
      false,
    ],
    [
      'a signature whose CR LF became LF in a text-mode copy',
      [0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0],
      false,
    ],
    ['the signature cut short', PNG_SIGNATURE.slice(0, 7), false],
    ['the last byte wrong', [...PNG_SIGNATURE.slice(0, 7), 0x0d], false],
  ])('%s → %s', (_label, bytes, expected) => {
    expect(contentMatchesMime('image/png', Uint8Array.from(bytes))).toBe(expected);
  });
});
