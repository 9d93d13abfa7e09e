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
};
