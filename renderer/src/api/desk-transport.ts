import type { DeskBridge } from '@shared/api';
import type { Transport } from './transport';

/** Electron: the preload's window.desk carries calls and events; it owns no state of ours. */
export function createDeskTransport(desk: DeskBridge): Transport {
  return {
    call: (method, input, session) =>
      desk.call(session === undefined ? { method, input } : { method, input, session }),
    onEvent: (listener) => desk.onEvent(listener),
  };
}
