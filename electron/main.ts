import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol } from 'electron';
import { type IpcHandlers, isAppSender, registerIpcHandlers } from './ipc';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME } from './security';
import { createMainWindow } from './window';

/**
 * The main process, kept to wiring: the policy lives in security.ts, protocol.ts, ipc.ts and
 * window.ts, which are tested without the Electron binary.
 */

// Must happen before 'ready'. `standard` gives app:// real origins and relative URLs, `secure`
// makes it a secure context (IndexedDB, crypto.subtle), `supportFetchAPI` lets the page fetch its files.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const handlers: IpcHandlers = {
  getAppInfo: async () => ({ name: app.getName(), version: app.getVersion(), platform: 'desktop', os: process.platform }),
  copyText: async ({ text }) => {
    clipboard.writeText(text);
    return { ok: true };
  },
};

let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  // app.getAppPath() is the folder holding package.json: the repo when run with `electron .`.
  mainWindow = createMainWindow({ BrowserWindow }, path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// One instance only: two would write the same local database from two windows.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
      registerIpcHandlers(ipcMain, handlers, isAppSender);
      openWindow();
    })
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Liaison Log could not start', `${detail}\n\nReinstall the app, or send this message to IT support.`);
      app.exit(1);
    });
}
