import type { ApiError, Result } from '@shared/api';

/** A message on the backend's one event channel, before its name is checked. */
export interface RawEvent {
  name: string;
  payload: unknown;
}

/** How a call leaves the renderer: Electron's window.desk, or browser mode's HTTP API. */
export interface Transport {
  call(method: string, input: unknown, session: string | undefined): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: RawEvent) => void): () => void;
}

/** A failure that never reached the backend, worded for the person at the counter. */
export function transportFailure(message: string): Result<never> {
  const error: ApiError = { code: 'INTERNAL', message };
  return { ok: false, error };
}
