import type { BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { askBeforeClosingUnsaved } from './close-guard';
import { createSecureWindow } from './security';

export function createMainWindow(preload: string, url: string): BrowserWindow {
  const win = createSecureWindow(
    {
      width: 1366,
      height: 860,
      // Counter PCs are often 1366×768; below this the forms stop fitting.
      minWidth: 1024,
      minHeight: 640,
      title: '基层一窗通',
      backgroundColor: '#f8f9fa',
    },
    preload,
  );
  askBeforeClosingUnsaved(win);
  win.loadURL(url).catch((error: unknown) => log.error('页面加载失败', error));
  return win;
}
