import { z } from 'zod';
import type { EventName } from './event-names';

/** Events flow backend (or main) → renderer on one typed channel. */
export const eventSchemas = {
  /** Main restarted the backend after it died; the window re-reads its state. */
  'backend.restarted': z.object({ at: z.string(), reason: z.string() }),
  /** The database was replaced by a backup; every session ended. */
  'database.restored': z.object({ at: z.string(), backup: z.string() }),
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export interface DeskEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
