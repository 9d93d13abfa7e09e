import { z } from 'zod';

/**
 * Civil dates as 'YYYY-MM-DD' strings in Asia/Shanghai. Arithmetic runs on UTC day numbers so that the
 * machine's time zone can never shift a day. The one date module for applications and mediation.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function dayNumberOrNull(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // The round trip rejects 02-30 and month 13, which Date.UTC would silently roll over, and years
  // 0000–0099, which Date.UTC maps to 19xx.
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return ms / DAY_MS;
}

/** Callers check input with isIsoDate or isoDateSchema first, so a bad date here is a bug. */
export function toDayNumber(date: string): number {
  const dayNumber = dayNumberOrNull(date);
  if (dayNumber === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return dayNumber;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return dayNumberOrNull(value) !== null;
}

export const isoDateSchema = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // Day 0 of the Unix epoch, 1970-01-01, was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The corresponding day `months` later (or earlier), or the month's last day when the target month is
 * shorter: 民法典 art. 202 ends a period counted in months on the corresponding day, and on the last
 * day of the month when there is none (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  toDayNumber(date);
  const [year, month, day] = [yearOf(date), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/**
 * The Asia/Shanghai civil date of an instant (a Date, a stored UTC ISO timestamp or epoch
 * milliseconds): how the backend turns its clock into "today".
 */
export function shanghaiDate(instant: Date | string | number): string {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${String(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
