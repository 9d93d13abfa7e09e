import { z } from 'zod';
import type { EventName } from './event-names';

/** Events flow backend (or main) → renderer on one typed channel. */
export const eventSchemas = {
  /** Main restarted the backend after it died; the window re-reads its state. */
  'backend.restarted': z.object({ at: z.string(), reason: z.string() }),
  /** The database was replaced by a backup; every session ended. */
  'database.restored': z.object({ at: z.string(), backup: z.string() }),
  /** Electron main's updater: a download's progress, a verified installer ready, or a failure. */
  'updates.progress': z.object({
    state: z.enum(['idle', 'downloading', 'downloaded', 'error']),
    version: z.string().nullable(),
    percent: z.number().nullable(),
    /** With 'error': what went wrong, in Chinese. */
    message: z.string().nullable(),
  }),
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export interface DeskEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
