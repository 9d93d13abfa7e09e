import { dialog, type BrowserWindow } from 'electron';

/**
 * The page keeps the window open while something typed is not stored (renderer/src/lib/unsaved-work.ts
 * prevents beforeunload). Electron would then neither close nor say why, so the question is asked
 * here, in the person's language, for a close and for the menu's reload alike: 仍然离开 lets the page
 * go, anything else keeps the window and what was typed.
 */
export function askBeforeClosingUnsaved(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: '基层一窗通',
      message: '还有填写的内容没有保存',
      detail: '现在离开（关闭窗口或重新加载），对话框或表单中刚填写的内容将会丢失。',
      buttons: ['留在本页', '仍然离开'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });
}
