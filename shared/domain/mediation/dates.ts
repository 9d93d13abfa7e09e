import { z } from 'zod';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates as the mediation rules need it. Dates are civil dates in
 * Asia/Shanghai; the arithmetic runs on UTC day numbers so that no machine time zone can shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function parts(date: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Callers parse input with isoDateSchema first, so a bad date here is a bug and fails loudly. */
function mustParse(date: string): { year: number; month: number; day: number } {
  const parsed = parts(date);
  if (!parsed) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return parsed;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear takes the year as given. */
function utcMs(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function toDayNumber(date: string): number {
  const { year, month, day } = mustParse(date);
  return utcMs(year, month - 1, day) / DAY_MS;
}

export function isIsoDate(value: string): boolean {
  return parts(value) !== null;
}

export const isoDateSchema = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The corresponding day `months` later (or earlier), or the month's last day when the target month is
 * shorter: 民法典 art. 202 ends a period counted in months on the corresponding day, and on the last
 * day of the month when there is none (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/** The Asia/Shanghai civil date of an instant (UTC ISO timestamp as stored, or epoch milliseconds). */
export function shanghaiDate(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${String(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
