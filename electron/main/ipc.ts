import { fail, ok } from '@shared/api/result';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import log from 'electron-log/main';
import type { AppUpdates } from './app-updater';
import type { BackendEvent, BackendSupervisor } from './backend-supervisor';
import { IPC } from './ipc-channels';
import { parseCallEnvelope, parsePrintRequest } from './ipc-input';
import { printToPdf } from './print-to-pdf';
import type { PageTrust } from './security';

interface IpcOptions {
  backend: BackendSupervisor;
  /** The windows main created; nothing else may call. */
  windows: ReadonlySet<BrowserWindow>;
  isTrustedPage: PageTrust;
  printsFolder: string;
  /** electron-updater on the hub's feed; null where the app does not update itself (development). */
  updates: AppUpdates | null;
}

const FORBIDDEN = fail('FORBIDDEN', '请求来源不受信任，已拒绝');
const BAD_REQUEST = fail('INVALID_INPUT', '请求格式不正确');

export function registerIpc({
  backend,
  windows,
  isTrustedPage,
  printsFolder,
  updates,
}: IpcOptions): void {
  /*
   * Only the main frame of one of our windows, showing one of our pages, may call: an iframe or a
   * page that got navigated elsewhere must not reach the database.
   */
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const ours = [...windows].some((win) => !win.isDestroyed() && win.webContents === event.sender);
    return ours && isTrustedPage(frame.url);
  };

  const refuse = (channel: string, event: IpcMainInvokeEvent) => {
    log.warn('已拒绝不受信任的 IPC 请求', channel, event.senderFrame?.origin ?? '(无来源)');
    return FORBIDDEN;
  };

  ipcMain.handle(IPC.call, (event, value: unknown) => {
    if (!isTrustedSender(event)) return refuse(IPC.call, event);
    const envelope = parseCallEnvelope(value);
    return envelope ? backend.call(envelope) : BAD_REQUEST;
  });

  ipcMain.handle(IPC.printToPdf, (event, value: unknown) => {
    if (!isTrustedSender(event)) return refuse(IPC.printToPdf, event);
    const request = parsePrintRequest(value);
    return request ? printToPdf(event.sender, printsFolder, request.title) : BAD_REQUEST;
  });

  ipcMain.handle(IPC.updateState, (event) => {
    if (!isTrustedSender(event)) return refuse(IPC.updateState, event);
    return updates?.state() ?? { state: 'idle', version: null, percent: null, message: null };
  });

  ipcMain.handle(IPC.restartToUpdate, (event) => {
    if (!isTrustedSender(event)) return refuse(IPC.restartToUpdate, event);
    return ok(updates?.restart() ?? { restarting: false });
  });
}

/** Events go only to windows showing one of our pages. */
export function broadcast(
  windows: ReadonlySet<BrowserWindow>,
  isTrustedPage: PageTrust,
  event: BackendEvent,
): void {
  for (const win of windows) {
    if (win.isDestroyed() || !isTrustedPage(win.webContents.getURL())) continue;
    win.webContents.send(IPC.event, event);
  }
}
