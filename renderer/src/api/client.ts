import type {
  DeskBridge,
  DeskEvent,
  MethodInput,
  MethodName,
  MethodOutput,
  Result,
} from '@shared/api';
// The first script's values from shared/api come from zod-free files, never the index: an index
// import brings every schema of the contract with it (issue 12).
import { eventNames } from '@shared/api/event-names';
import { createDeskTransport } from './desk-transport';
import { createHttpTransport } from './http-transport';
import { takeLaunchSecret } from './launch-secret';
import { createSessionStore, type SessionStore } from './session-store';
import type { Transport } from './transport';

export interface ApiClient {
  /** Inputs are typed by the contract; outputs are trusted (the backend already checked them). */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Known backend events only; returns an unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
  session: SessionStore;
}

const knownEvents: ReadonlySet<string> = new Set(eventNames);

function isKnownEvent(event: { name: string }): event is DeskEvent {
  return knownEvents.has(event.name);
}

export function createClientFrom(transport: Transport, session: SessionStore): ApiClient {
  async function call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<Result<MethodOutput<M>>> {
    const result = await transport.call(method, input, session.get().session?.token);
    // One place turns session problems into screens, whichever call ran into them.
    const ended =
      !result.ok &&
      (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'SESSION_EXPIRED');
    if (ended && session.get().session) {
      session.signedOut(result.error.message);
    }
    if (!result.ok && result.error.code === 'SESSION_LOCKED') session.setLocked(true);
    return result as Result<MethodOutput<M>>;
  }

  return {
    call,
    onEvent: (listener) =>
      transport.onEvent((event) => {
        if (isKnownEvent(event)) listener(event);
      }),
    session,
  };
}

/** window.desk in Electron; browser mode's HTTP API otherwise. */
export function createApiClient(win: Window & typeof globalThis): ApiClient {
  const desk = (win as Window & { desk?: DeskBridge }).desk;
  const transport = desk
    ? createDeskTransport(desk)
    : createHttpTransport(win, takeLaunchSecret(win));
  return createClientFrom(transport, createSessionStore(win.sessionStorage));
}
