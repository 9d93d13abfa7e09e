import { z } from 'zod';
import { method } from '../define';

export const calendarMethods = {
  /** Which years' holiday schedules are loaded; the UI warns when this or next year is missing. */
  'calendar.status': method({
    input: z.object({}).strict(),
    output: z.object({
      years: z.array(
        z.object({ year: z.number().int(), source: z.string(), loadedAt: z.string() }),
      ),
      warning: z.string().nullable(),
    }),
    access: 'session',
  }),
  /**
   * Loads years of the State Council's schedule from a JSON file shaped like the shipped
   * resources/calendar/holidays.json ({ years: { "2027": { holidays, workdays } } }): how a county
   * centre (or a terminal not joined to a hub) gets a new year's schedule without an app update.
   */
  'calendar.importYears': method({
    input: z.object({
      fileName: z.string().max(200),
      base64: z.string().max(2_000_000, '文件过大'),
    }),
    output: z.object({
      years: z.array(z.number().int()),
      added: z.number().int(),
      changed: z.number().int(),
    }),
    access: ['admin'],
  }),
};
