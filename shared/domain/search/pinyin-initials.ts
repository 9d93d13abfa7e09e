import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials for search boxes: 城乡居民基本医疗保险参保登记 → cxjmjbylbxcbdj, 张三丰 → zsf. Lower-case
 * ASCII letters and digits only, so that an initials query is a plain prefix range on an index
 * (prefix ≤ initials < prefix + '{').
 */
export function pinyinInitials(text: string, options: { personName?: boolean } = {}): string {
  return pinyin(text, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    // A person's surname reads differently from the same character in a word: 单 is Shan, 曾 is Zeng.
    ...(options.personName ? { surname: 'head' as const } : {}),
  })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
