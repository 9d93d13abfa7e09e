import type { Result } from './result';

/** One call as it crosses a process or HTTP boundary. */
export interface CallEnvelope {
  method: string;
  input: unknown;
  /** The session token from auth.signIn; absent for public methods. */
  session?: string;
}

/** What the preload exposes as window.desk: nothing else of Electron reaches the renderer. */
export interface DeskBridge {
  call(envelope: CallEnvelope): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: { name: string; payload: unknown }) => void): () => void;
  /** Prints the current window to PDF (Electron only); returns the saved file path. */
  printToPdf?(options: { title: string }): Promise<Result<{ path: string }>>;
  /** The desktop app's updater as it stands (Electron only): the window may open after its events. */
  updateState?(): Promise<UpdateProgress>;
  /** 立即重启更新 (Electron only): quits and installs the downloaded, verified installer. */
  restartToUpdate?(): Promise<Result<{ restarting: boolean }>>;
}

/** The payload of the 'updates.progress' event, without zod (the preload bundles this file). */
export interface UpdateProgress {
  state: 'idle' | 'downloading' | 'downloaded' | 'error';
  version: string | null;
  percent: number | null;
  message: string | null;
}

/** Messages between Electron main and the backend's utilityProcess (over process.parentPort). */
export type MainToBackend = { type: 'call'; id: number; envelope: CallEnvelope };

export type BackendToMain =
  | { type: 'ready'; at: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: { name: string; payload: unknown } }
  /** The enrolled hub's update feed for electron-updater (its token in the headers); null: none. */
  | { type: 'updateFeed'; feed: { url: string; requestHeaders: Record<string, string> } | null }
  /** The backend could not start (e.g. the data folder is unwritable); main shows it and stops restarting. */
  | { type: 'fatal'; message: string };

/**
 * The environment variable through which Electron main hands the backend the audit key it keeps
 * with safeStorage (64 hex digits); the backend deletes it from its environment on reading it.
 */
export const AUDIT_KEY_ENV = 'TOWNSHIP_DESK_AUDIT_KEY';

/** Likewise the key that seals the county hub's token (64 hex digits). */
export const HUB_TOKEN_KEY_ENV = 'TOWNSHIP_DESK_HUB_TOKEN_KEY';

/** Headers of browser mode's HTTP API. */
export const HTTP_SECRET_HEADER = 'x-desk-secret';
export const HTTP_SESSION_HEADER = 'x-desk-session';
