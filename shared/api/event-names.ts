/**
 * The names of the events backend (or main) sends the renderer. Apart from their zod schemas in
 * events.ts: the renderer's first script checks names, and must not carry zod to do so (issue 12).
 */
export const eventNames = ['backend.restarted', 'database.restored', 'updates.progress'] as const;

export type EventName = (typeof eventNames)[number];
