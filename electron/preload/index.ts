import type { Result } from '@shared/api/result';
import type { CallEnvelope, DeskBridge } from '@shared/api/transport';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC } from '../main/ipc-channels';

/*
 * The only thing of Electron the page sees: window.desk, five functions. ipcRenderer, the IPC
 * event (whose sender is ipcRenderer) and process never cross the bridge.
 */

const unreachable: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接主程序，请重新打开基层一窗通' },
};

type DeskEventListener = Parameters<DeskBridge['onEvent']>[0];

const bridge: DeskBridge = {
  call(envelope: CallEnvelope) {
    return ipcRenderer.invoke(IPC.call, envelope).catch(() => unreachable);
  },

  onEvent(listener: DeskEventListener) {
    // Our own wrapper, because the bridge hands us a new proxy of listener on every crossing.
    const forward = (_event: IpcRendererEvent, event: { name: string; payload: unknown }) =>
      listener({ name: event.name, payload: event.payload });
    ipcRenderer.on(IPC.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC.event, forward);
    };
  },

  printToPdf(options: { title: string }) {
    return ipcRenderer.invoke(IPC.printToPdf, { title: options.title }).catch(() => unreachable);
  },

  updateState() {
    return ipcRenderer
      .invoke(IPC.updateState)
      .catch(() => ({ state: 'idle', version: null, percent: null, message: null }));
  },

  restartToUpdate() {
    return ipcRenderer.invoke(IPC.restartToUpdate).catch(() => unreachable);
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
