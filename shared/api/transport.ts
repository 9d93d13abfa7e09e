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
}
