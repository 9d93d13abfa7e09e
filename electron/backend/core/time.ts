const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The UTC instant at which a Shanghai calendar day (plus `addDays`) begins; China has no DST. */
export function shanghaiDayStartIso(date: string, addDays: number): string {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  return new Date(utcMidnight - SHANGHAI_OFFSET_MS + addDays * 24 * 60 * 60 * 1000).toISOString();
}
