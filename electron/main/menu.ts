import {
  app,
  dialog,
  Menu,
  type BaseWindow,
  type MenuItemConstructorOptions,
  type MessageBoxOptions,
} from 'electron';

/** A short Chinese menu; zoom is there because many counter staff need larger text. */
export function buildAppMenu(isDev: boolean): Menu {
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { label: '重新加载', role: 'reload' },
        { label: '开发者工具', role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  return Menu.buildFromTemplate([
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '视图',
      submenu: [
        ...devItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于基层一窗通', click: (_item, win) => showAbout(win) }],
    },
  ]);
}

function showAbout(win: BaseWindow | undefined): void {
  const options: MessageBoxOptions = {
    type: 'info',
    title: '关于基层一窗通',
    message: `基层一窗通 ${app.getVersion()}`,
    detail:
      '乡镇（街道）便民服务中心与村（社区）代办点的一窗受理、矛盾纠纷调处化解工作台，离线可用。\n' +
      `Electron ${process.versions.electron}`,
    buttons: ['确定'],
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
