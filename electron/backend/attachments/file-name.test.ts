import { describe, expect, it } from 'vitest';
import { storedFileName } from './file-name';

describe('storedFileName', () => {
  it.each([
    ['an ordinary scan keeps its name', '身份证正面.png', 'image/png', '身份证正面.png'],
    ['the extension comes from the checked type', '户口本.jpeg', 'image/jpeg', '户口本.jpg'],
    ['a renamed executable gets the real extension', '申请表.exe', 'application/pdf', '申请表.pdf'],
    [
      'a double extension keeps only the harmless part',
      '发票.pdf.exe',
      'image/png',
      '发票.pdf.png',
    ],
    ['a name with no extension gets one', '营业执照', 'image/webp', '营业执照.webp'],
    ['a decimal in the name is not an extension', '第3.5版', 'application/pdf', '第3.5版.pdf'],
    ['a Unix path keeps only its last part', '../../etc/passwd', 'image/png', 'passwd.png'],
    [
      'a Windows path keeps only its last part',
      'C:\\Users\\王芳\\户口本.jpg',
      'image/jpeg',
      '户口本.jpg',
    ],
    ['a path of only dots becomes the default name', '../..', 'image/png', '附件.png'],
    [
      'a right-to-left override cannot disguise the type',
      '照片\u202Egnp.exe',
      'image/png',
      '照片gnp.png',
    ],
    [
      'bidirectional isolates and marks are dropped',
      '\u2067合同\u2069\u200F.pdf',
      'application/pdf',
      '合同.pdf',
    ],
    [
      'zero-width characters are dropped',
      '调\u200B解\uFEFF书.pdf',
      'application/pdf',
      '调解书.pdf',
    ],
    [
      'control characters and NUL are dropped',
      'a\u0000b\u0007c\u001b[31m\u009b.png',
      'image/png',
      'abc[31m.png',
    ],
    [
      'a newline cannot forge a second line in a log',
      '证明\r\n审核通过.pdf',
      'application/pdf',
      '证明 审核通过.pdf',
    ],
    ['a leading dot cannot hide the file', '.bashrc', 'image/png', 'bashrc.png'],
    ['several leading dots and spaces go', ' . ..隐藏.png', 'image/png', '隐藏.png'],
    ['trailing dots and spaces go', '结婚证 . .', 'image/jpeg', '结婚证.jpg'],
    [
      'Windows-forbidden characters become underscores',
      'a<b>c:d"e|f?g*h.pdf',
      'application/pdf',
      'a_b_c_d_e_f_g_h.pdf',
    ],
    ['a Windows device name is defused', 'CON.png', 'image/png', '_CON.png'],
    ['a device name in lower case too', 'lpt1', 'application/pdf', '_lpt1.pdf'],
    [
      'a device name before a second extension too',
      'aux.tar.pdf',
      'application/pdf',
      '_aux.tar.pdf',
    ],
    ['a device-like longer word is left alone', 'console.png', 'image/png', 'console.png'],
    ['decomposed characters are composed (NFC)', 'Cafe\u0301.png', 'image/png', 'Caf\u00e9.png'],
    ['only spaces and controls become the default name', ' \u0000\u202E ', 'image/png', '附件.png'],
  ] as const)('%s', (_label, name, mime, expected) => {
    expect(storedFileName(name, mime)).toBe(expected);
  });

  it('cuts a long name to 80 characters without splitting a character', () => {
    const name = `${'𠀀'.repeat(100)}.png`;
    const stored = storedFileName(name, 'image/png');
    expect(Array.from(stored)).toHaveLength(84);
    expect(stored).toBe(`${'𠀀'.repeat(80)}.png`);
  });

  it('changes nothing the second time', () => {
    for (const name of ['CON.png', '../x/.y.exe', '照片\u202Egnp.exe', 'a'.repeat(200)]) {
      const once = storedFileName(name, 'image/png');
      expect(storedFileName(once, 'image/png')).toBe(once);
    }
  });
});
