import dayjs from 'dayjs';

/** 2026-11-27, 2026/11/27, 2026.11.27, 2026年11月27日 or 20261127 as people type them. */
export function parseTypedDate(text: string): string | null {
  const match =
    /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text) ??
    /^\s*(\d{4})(\d{2})(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}
