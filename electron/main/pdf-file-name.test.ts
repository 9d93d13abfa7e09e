import { describe, expect, it } from 'vitest';
import { pdfFileName, safeTitle } from './pdf-file-name';

describe('safeTitle', () => {
  it.each([
    ['受理回执', '受理回执'],
    ['调解协议书 (2026)', '调解协议书 (2026)'],
    ['../../etc/passwd', 'etc passwd'],
    ['C:\\Windows\\win.ini', 'C Windows win.ini'],
    ['a<b>c:"d"|e?f*g', 'a b c d e f g'],
    ['line\nbreak\u0000', 'line break'],
    ['...hidden...', 'hidden'],
    ['', '打印'],
    ['   ', '打印'],
    ['///', '打印'],
  ])('%j → %j', (title, expected) => {
    expect(safeTitle(title)).toBe(expected);
  });

  it('keeps at most 60 characters without splitting a character', () => {
    expect([...safeTitle('事'.repeat(100))]).toHaveLength(60);
    expect([...safeTitle('𠀀'.repeat(100))]).toHaveLength(60);
  });
});

describe('pdfFileName', () => {
  const at = new Date(2026, 10, 27, 9, 5, 7);

  it('puts the title first and the local time after it', () => {
    expect(pdfFileName('一次性告知单', at)).toBe('一次性告知单-20261127-090507.pdf');
  });

  it('numbers a second file in the same second', () => {
    expect(pdfFileName('受理回执', at, 2)).toBe('受理回执-20261127-090507-2.pdf');
  });
});
