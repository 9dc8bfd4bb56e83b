import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

/**
 * The application menu as a plain template, built from the platform and whether this is an
 * installed build, so it is tested without Electron. The app's own commands (new inquiry, find,
 * next due, back to the log) are sent to the renderer, which owns navigation; the rest are
 * Electron's standard roles, which also give the standard shortcuts (copy, paste, zoom, ...).
 */

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Installed builds have no reload and no developer tools. */
  isPackaged: boolean;
  appName: string;
  /** Asks the renderer to carry out a command. */
  send: (command: MenuCommand) => void;
}

/** The app's own commands, their menu labels and shortcuts (CmdOrCtrl: Cmd on macOS, Ctrl elsewhere). */
export const APP_COMMANDS: Readonly<Record<MenuCommand, { label: string; accelerator: string }>> = {
  'new-inquiry': { label: 'New Inquiry', accelerator: 'CmdOrCtrl+N' },
  find: { label: 'Find in Log…', accelerator: 'CmdOrCtrl+F' },
  'next-due': { label: 'Next Due Item', accelerator: 'CmdOrCtrl+J' },
  // Ctrl+L is Lock everywhere (the header's button, README, docs/data-safety.md): the log is Ctrl+Shift+L.
  'go-to-log': { label: 'Inquiry Log', accelerator: 'CmdOrCtrl+Shift+L' },
};

export function buildMenuTemplate({ platform, isPackaged, appName, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (name: MenuCommand): MenuItemConstructorOptions => ({
    id: name,
    label: APP_COMMANDS[name].label,
    accelerator: APP_COMMANDS[name].accelerator,
    click: () => send(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS menus have none.
  const top = (label: string) => (mac ? label.replace('&', '') : label);

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  return [
    ...appMenu,
    {
      label: top('&File'),
      submenu: [command('new-inquiry'), separator, mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' }],
    },
    {
      label: top('&Edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        separator,
        command('find'),
      ],
    },
    {
      label: top('&Go'),
      submenu: [command('go-to-log'), command('next-due')],
    },
    {
      label: top('&View'),
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }, ...developerItems],
    },
    {
      label: top('&Window'),
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      label: top('&Help'),
      submenu: mac ? [] : [{ role: 'about', label: `About ${appName}` }],
    },
  ];
}
